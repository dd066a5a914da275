using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Recipes;

/// <summary>
/// "recipe": runs some steps of another recipe file, in the same transaction, so recipes share data
/// instead of copying it: { "name": "recipe", "file": "portal.recipe.json", "steps": ["taxonomies"] }.
/// The file is looked up next to the including recipe, then in the host's recipes folder. An
/// included step cannot include again (no cycles).
/// </summary>
internal sealed class IncludeStep(IServiceProvider services, TenantSetupService setup) : IRecipeStepHandler
{
    public string Name => "recipe";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var file = context.Step["file"] is JsonValue f && f.TryGetValue<string>(out var name) && name.EndsWith(".json", StringComparison.Ordinal)
            && Path.GetFileName(name) == name
            ? name
            : throw context.Fail("« file » doit nommer un fichier de recette (.json) du même dossier.");
        var wanted = (context.Step["steps"] as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase)
            ?? throw context.Fail("« steps » doit lister les étapes à reprendre, par exemple [\"taxonomies\"].");

        var path = context.Directory is { } directory && File.Exists(Path.Combine(directory, file)) ? Path.Combine(directory, file) : setup.FindRecipe(file);
        if (!File.Exists(path))
        {
            throw context.Fail($"la recette « {file} » est introuvable.");
        }

        JsonArray steps;
        try
        {
            await using var stream = File.OpenRead(path);
            var recipe = await JsonNode.ParseAsync(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }, cancellationToken: cancellationToken);
            steps = recipe?["steps"] as JsonArray ?? throw context.Fail($"la recette « {file} » n'a pas de liste « steps ».");
        }
        catch (JsonException ex)
        {
            throw context.Fail($"la recette « {file} » n'est pas un JSON valide : {ex.Message}");
        }

        var handlers = services.GetServices<IRecipeStepHandler>().Where(h => h.Name != Name).ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        var found = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject step || step["name"]?.GetValue<string>() is not { } stepName || !wanted.Contains(stepName))
            {
                continue;
            }

            if (!handlers.TryGetValue(stepName, out var handler))
            {
                throw context.Fail($"l'étape « {stepName} » de « {file} » ne peut pas être reprise.");
            }

            found++;
            await handler.ExecuteAsync(
                new RecipeStepContext { File = file, Index = i, Name = handler.Name, Step = step, Tenant = context.Tenant, Directory = Path.GetDirectoryName(path) },
                cancellationToken);
        }

        if (found == 0)
        {
            throw context.Fail($"la recette « {file} » n'a aucune des étapes demandées ({string.Join(", ", wanted)}).");
        }
    }
}

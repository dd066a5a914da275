using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Caching;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Recipes;

/// <summary>Runs recipes in the current tenant: all steps in one transaction, or nothing.</summary>
public interface IRecipeExecutor
{
    Task ExecuteFileAsync(string path, CancellationToken cancellationToken);

    /// <param name="file">Name used in error messages.</param>
    Task ExecuteAsync(JsonObject recipe, string file, CancellationToken cancellationToken) => ExecuteAsync(recipe, file, null, cancellationToken);

    /// <param name="directory">Folder the recipe's steps read their files from (the media step's "source", an included recipe), or null.</param>
    Task ExecuteAsync(JsonObject recipe, string file, string? directory, CancellationToken cancellationToken);
}

internal sealed class RecipeExecutor(
    RallyNovDbContext db,
    IEnumerable<IRecipeStepHandler> handlers,
    ITenantAccessor tenant,
    ISiteChanges changes,
    ILogger<RecipeExecutor> logger) : IRecipeExecutor
{
    public async Task ExecuteFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new RecipeException($"Recette « {name} » introuvable ({path}).");
        }

        JsonObject recipe;
        try
        {
            await using var stream = File.OpenRead(path);
            recipe = await JsonNode.ParseAsync(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }, cancellationToken: cancellationToken) as JsonObject
                ?? throw new RecipeException($"Recette « {name} » : le fichier doit contenir un objet JSON.");
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"Recette « {name} » : JSON invalide (ligne {ex.LineNumber + 1}) : {ex.Message}", ex);
        }

        await ExecuteAsync(recipe, name, Path.GetDirectoryName(Path.GetFullPath(path)), cancellationToken);
    }

    public async Task ExecuteAsync(JsonObject recipe, string file, string? directory, CancellationToken cancellationToken)
    {
        var steps = recipe["steps"] as JsonArray ?? throw new RecipeException($"Recette « {file} » : la liste « steps » manque.");
        var byName = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

        // Check every step name before writing anything, so a typo in step 5 does not leave steps 1-4 applied.
        var contexts = new List<(IRecipeStepHandler Handler, RecipeStepContext Context)>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject step)
            {
                throw RecipeException.For(file, i, null, null, "une étape doit être un objet JSON.");
            }

            var name = step["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (string.IsNullOrEmpty(name) || !byName.TryGetValue(name, out var handler))
            {
                var known = string.Join(", ", byName.Keys.Order(StringComparer.Ordinal));
                throw RecipeException.For(file, i, name, null, $"étape inconnue (étapes possibles : {known}).");
            }

            contexts.Add((handler, new RecipeStepContext { File = file, Directory = directory, Index = i, Name = handler.Name, Step = step, Tenant = tenant.Required }));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var (handler, context) in contexts)
            {
                await handler.ExecuteAsync(context, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }

        // Whatever the steps wrote (media files, users, modules' own tables), visitors see it now.
        await changes.ChangedAsync(cancellationToken);
        logger.LogInformation("Recipe {File} applied to tenant {Tenant} ({Count} steps).", file, tenant.Required.Name, contexts.Count);
    }
}

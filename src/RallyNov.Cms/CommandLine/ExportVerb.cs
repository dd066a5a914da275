using System.Text.Encodings.Web;
using System.Text.Json;
using RallyNov.Core.Hosting;
using RallyNov.Core.Recipes;
using RallyNov.Core.Tenants;

namespace RallyNov.Cms.CommandLine;

/// <summary>`export --tenant X --out file.json`: settings, vocabularies and content as a recipe.</summary>
internal sealed class ExportVerb(IServiceProvider services) : ICommandLineVerb
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Recipes are read and edited by people: keep accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "export";

    public IReadOnlyList<string> Usage => ["export --tenant <Nom> --out <fichier.json>   exporte réglages, vocabulaires et contenus d'un site"];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        // Both options are checked before the tenant starts, so a typo never migrates anything.
        var name = context.Required("tenant");
        var file = context.Required("out");
        var tenant = await services.GetRequiredService<TenantSetupService>().StartForCommandLineAsync(name, cancellationToken);
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var recipe = await scope.ServiceProvider.GetRequiredService<IRecipeExporter>().ExportAsync(cancellationToken);
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(file, recipe.ToJsonString(Indented), cancellationToken);
        var count = recipe["steps"]?.AsArray().FirstOrDefault(s => s?["name"]?.GetValue<string>() == "content")?["items"]?.AsArray().Count ?? 0;
        await context.Output.WriteLineAsync($"Site « {tenant.Name} » exporté dans {file} ({count} contenu{(count > 1 ? "s" : "")}).");
        return 0;
    }
}

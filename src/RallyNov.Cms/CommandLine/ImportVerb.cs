using RallyNov.Core.Hosting;
using RallyNov.Core.Recipes;
using RallyNov.Core.Tenants;

namespace RallyNov.Cms.CommandLine;

/// <summary>`import --tenant X file.json`: runs a recipe in one transaction (idempotent).</summary>
internal sealed class ImportVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "import";

    public IReadOnlyList<string> Usage => ["import --tenant <Nom> <fichier.json>         importe une recette dans un site (ré-exécutable sans doublon)"];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var name = context.Required("tenant");
        if (context.Positional.Count != 1)
        {
            throw new CommandLineUsageException("indiquez un fichier de recette à importer.");
        }

        var file = context.Positional[0];
        var tenant = await services.GetRequiredService<TenantSetupService>().StartForCommandLineAsync(name, cancellationToken);
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteFileAsync(Path.GetFullPath(file), cancellationToken);
        await context.Output.WriteLineAsync($"Recette {file} importée dans le site « {tenant.Name} ».");
        return 0;
    }
}

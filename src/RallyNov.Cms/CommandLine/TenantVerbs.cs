using System.Text.Json;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Recipes;
using RallyNov.Core.Tenants;

namespace RallyNov.Cms.CommandLine;

/// <summary>The tenant verbs: list, export, import.</summary>
internal sealed class TenantVerbs(IServiceProvider services, TextWriter output)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<int> TenantsAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length != 1 || args[0] != "list")
        {
            throw new CommandLineException("utilisez « tenants list ».");
        }

        var setup = services.GetRequiredService<TenantSetupService>();
        await setup.EnsureTenantsFileAsync(cancellationToken);
        var store = services.GetRequiredService<ITenantStore>();
        var database = services.GetRequiredService<ITenantDatabase>();
        await output.WriteLineAsync($"{"Nom",-14} {"Préfixe",-16} {"État",-14} {"Base",-8} Nom affiché");
        foreach (var tenant in store.All)
        {
            var prefix = tenant.UrlPrefix.Length == 0 ? "/" : "/" + tenant.UrlPrefix;
            await output.WriteLineAsync($"{tenant.Name,-14} {prefix,-16} {tenant.State,-14} {database.ProviderOf(tenant),-8} {tenant.DisplayName}");
        }

        return 0;
    }

    public async Task<int> ExportAsync(CommandArguments args, CancellationToken cancellationToken)
    {
        var tenant = await StartTenantAsync(args.Required("tenant"), cancellationToken);
        var file = args.Required("out");
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var recipe = await scope.ServiceProvider.GetRequiredService<IRecipeExporter>().ExportAsync(cancellationToken);
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(file, recipe.ToJsonString(Indented), cancellationToken);
        var count = recipe["steps"]?.AsArray().FirstOrDefault(s => s?["name"]?.GetValue<string>() == "content")?["items"]?.AsArray().Count ?? 0;
        await output.WriteLineAsync($"Site « {tenant.Name} » exporté dans {file} ({count} contenu{(count > 1 ? "s" : "")}).");
        return 0;
    }

    public async Task<int> ImportAsync(CommandArguments args, CancellationToken cancellationToken)
    {
        var tenant = await StartTenantAsync(args.Required("tenant"), cancellationToken);
        if (args.Positional.Count != 1)
        {
            throw new CommandLineException("indiquez un fichier de recette à importer.");
        }

        var file = args.Positional[0];
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteFileAsync(Path.GetFullPath(file), cancellationToken);
        await output.WriteLineAsync($"Recette {file} importée dans le site « {tenant.Name} ».");
        return 0;
    }

    /// <summary>The tenant by name, set up and migrated so a verb can run on a fresh data folder.</summary>
    private async Task<TenantSettings> StartTenantAsync(string name, CancellationToken cancellationToken)
    {
        var setup = services.GetRequiredService<TenantSetupService>();
        await setup.EnsureTenantsFileAsync(cancellationToken);
        var store = services.GetRequiredService<ITenantStore>();
        var tenant = store.Find(name) ?? throw new CommandLineException(
            $"site inconnu « {name} » (sites : {string.Join(", ", store.All.Select(t => t.Name))}).");
        if (tenant.State == TenantState.Disabled)
        {
            throw new InvalidOperationException($"Le site « {tenant.Name} » est désactivé.");
        }

        await setup.StartAsync(tenant.Name, cancellationToken);
        return store.Find(name)!;
    }
}

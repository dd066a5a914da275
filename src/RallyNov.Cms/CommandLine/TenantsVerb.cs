using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Cms.CommandLine;

/// <summary>
/// `tenants list`: one line per site with its prefix, state, database provider and whether its
/// database answers. `tenants reset`: the explicit way to set a site up again from its recipe when
/// its database is lost (the old one is kept aside).
/// </summary>
internal sealed class TenantsVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "tenants";

    public IReadOnlyList<string> Usage =>
    [
        "tenants list                                 liste les sites (nom, préfixe, état, base)",
        "tenants reset --tenant <Nom> --confirm <Nom> réinstalle un site depuis sa recette (base perdue ou illisible) ;",
        "                                             l'ancienne base est conservée à côté, jamais effacée",
    ];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        if (context.Positional is ["reset"])
        {
            return await ResetAsync(context, cancellationToken);
        }

        if (context.Positional is not ["list"] || context.HasOptions)
        {
            throw new CommandLineUsageException("utilisez « tenants list » ou « tenants reset --tenant <Nom> --confirm <Nom> ».");
        }

        await services.GetRequiredService<TenantSetupService>().EnsureTenantsFileAsync(cancellationToken);
        var store = services.GetRequiredService<ITenantStore>();
        var database = services.GetRequiredService<ITenantDatabase>();
        var output = context.Output;
        await output.WriteLineAsync($"{"Nom",-14} {"Préfixe",-16} {"État",-14} {"Base",-8} Nom affiché");
        foreach (var tenant in store.All)
        {
            var prefix = tenant.UrlPrefix.Length == 0 ? "/" : "/" + tenant.UrlPrefix;
            await output.WriteLineAsync($"{tenant.Name,-14} {prefix,-16} {tenant.State,-14} {database.ProviderOf(tenant),-8} {tenant.DisplayName}");
            if (tenant.State == TenantState.Running && await database.CheckAsync(tenant, cancellationToken) is { } outage)
            {
                await output.WriteLineAsync($"{"",-14} ⚠ {outage.Message}");
            }
        }

        return 0;
    }

    private async Task<int> ResetAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var name = context.Required("tenant");
        if (!string.Equals(context.Option("confirm"), name, StringComparison.Ordinal))
        {
            throw new CommandLineUsageException(
                $"réinstaller « {name} » remplace tout son contenu par celui de sa recette : confirmez avec --confirm {name}.");
        }

        var setup = services.GetRequiredService<TenantSetupService>();
        await setup.EnsureTenantsFileAsync(cancellationToken);
        var tenant = services.GetRequiredService<ITenantStore>().Find(name)
            ?? throw new CommandLineUsageException($"site inconnu « {name} ».");
        if (tenant.State == TenantState.Running && await services.GetRequiredService<ITenantDatabase>().CheckAsync(tenant, cancellationToken) is null)
        {
            // Only for a lost database: replacing a working site by its recipe is never one command away.
            throw new InvalidOperationException(
                $"La base de « {tenant.Name} » répond normalement : « tenants reset » ne sert qu'à réinstaller un site dont la base est perdue ou illisible. " +
                "Pour repartir de zéro volontairement, arrêtez le site, déplacez sa base (Sites/" + tenant.Name + "/content.db*) puis relancez cette commande.");
        }

        var aside = await setup.ResetAsync(tenant.Name, cancellationToken);
        await context.Output.WriteLineAsync(aside is null
            ? $"Site « {name} » réinstallé depuis sa recette (il n'avait pas de base)."
            : $"Site « {name} » réinstallé depuis sa recette. L'ancienne base est conservée : {aside}");
        await context.Output.WriteLineAsync("Un site en cours d'exécution reprend ce site en quelques secondes ; son index de recherche est reconstruit.");
        return 0;
    }
}

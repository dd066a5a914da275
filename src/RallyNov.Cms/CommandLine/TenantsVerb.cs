using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Cms.CommandLine;

/// <summary>`tenants list`: one line per site with its prefix, state and database provider.</summary>
internal sealed class TenantsVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "tenants";

    public IReadOnlyList<string> Usage => ["tenants list                                 liste les sites (nom, préfixe, état, base)"];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        if (context.Positional is not ["list"] || context.HasOptions)
        {
            throw new CommandLineUsageException("utilisez « tenants list ».");
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
        }

        return 0;
    }
}

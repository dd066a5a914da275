using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.CommandLine;

/// <summary>`index status [--tenant X]` and `index rebuild --tenant X`.</summary>
internal sealed class IndexVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "index";

    public IReadOnlyList<string> Usage =>
    [
        "index status [--tenant <Nom>]                état de l'index de recherche (documents, curseur, retard)",
        "index rebuild --tenant <Nom>                 reconstruit l'index de recherche d'un site depuis la base",
    ];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var action = context.Positional.Count > 0 ? context.Positional[0] : null;
        return action switch
        {
            "status" => await StatusAsync(context, cancellationToken),
            "rebuild" => await RebuildAsync(context, cancellationToken),
            _ => throw new CommandLineUsageException("utilisez « index status » ou « index rebuild --tenant <Nom> »."),
        };
    }

    private async Task<int> StatusAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ITenantStore>();
        var names = context.Option("tenant") is { } one ? [one] : store.All.Where(t => t.State == TenantState.Running).Select(t => t.Name).ToList();
        await context.Output.WriteLineAsync($"{"Site",-14} {"Documents",10} {"Curseur",10} {"Dernière tâche",15} {"En retard",10}");
        foreach (var name in names)
        {
            var tenant = await services.GetRequiredService<TenantSetupService>().StartForCommandLineAsync(name, cancellationToken);
            await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
            var index = scope.ServiceProvider.GetRequiredService<ISearchIndexer>().Info();
            var db = scope.ServiceProvider.GetRequiredService<RallyNovDbContext>();
            var last = await db.IndexingTasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            var pending = await db.IndexingTasks.CountAsync(t => t.Id > index.Cursor, cancellationToken);
            var state = index.State == SearchIndexStates.Ok ? "" : "  (" + (index.State == SearchIndexStates.Broken ? "endommagé" : "à construire") + ")";
            await context.Output.WriteLineAsync($"{tenant.Name,-14} {index.Documents,10:N0} {index.Cursor,10} {last,15} {pending,10:N0}{state}");
        }

        return 0;
    }

    private async Task<int> RebuildAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var tenant = await services.GetRequiredService<TenantSetupService>().StartForCommandLineAsync(context.Required("tenant"), cancellationToken);
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var watch = Stopwatch.StartNew();
        var count = await scope.ServiceProvider.GetRequiredService<ISearchIndexer>()
            .RebuildAsync(new ConsoleProgress(context.Output, "Indexation"), cancellationToken);
        await context.Output.WriteLineAsync($"Index de « {tenant.Name} » reconstruit : {count:N0} documents en {watch.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Hosting;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.CommandLine;

/// <summary>`seed-synthetic --tenant X --count 100000 [--type Initiative] [--seed 42]`: benchmark data.</summary>
internal sealed class SeedSyntheticVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "seed-synthetic";

    public IReadOnlyList<string> Usage =>
    [
        "seed-synthetic --tenant <Nom> --count <N> [--type Initiative] [--seed 42]",
        "                                             publie N contenus fictifs réalistes (pour les mesures de performance)",
    ];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var tenant = await services.GetRequiredService<TenantSetupService>().StartForCommandLineAsync(context.Required("tenant"), cancellationToken);
        var count = context.IntOption("count", 1000);
        var typeName = context.Option("type") ?? "Initiative";
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var provider = scope.ServiceProvider;
        var type = provider.GetRequiredService<IContentDefinitionManager>().TypesFor(tenant).FirstOrDefault(t => t.Name == typeName)
            ?? throw new CommandLineUsageException($"type de contenu inconnu sur ce site : « {typeName} ».");
        var vocabularies = (await provider.GetRequiredService<ITaxonomyService>().ListAsync(cancellationToken))
            .ToDictionary(v => v.Name, v => v.Terms.Select(t => t.Slug).ToList(), StringComparer.Ordinal);

        var generator = new SyntheticContentGenerator(type, vocabularies, context.IntOption("seed", 42));
        var progress = new ConsoleProgress(context.Output, "Génération");
        var watch = Stopwatch.StartNew();
        var written = await provider.GetRequiredService<IBulkContentWriter>().InsertPublishedAsync(
            generator.Generate(count),
            new Progress<int>(done => progress.Report((done, count))),
            cancellationToken);
        await context.Output.WriteLineAsync($"{written:N0} contenus « {type.DisplayName} » publiés dans « {tenant.Name} » en {watch.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Hosting;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.CommandLine;

/// <summary>
/// `seed-synthetic --tenant X --count 100000 [--type Initiative] [--seed 42] [--corpus phrases|realistic]`:
/// benchmark data. The phrase-bank corpus (the default) repeats 15 sentences, so every word is very
/// frequent; the realistic one draws words from a word list with a Zipf law and mixes in the real
/// sentences of the seed reports (<see cref="RealisticText"/>).
/// </summary>
internal sealed class SeedSyntheticVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "seed-synthetic";

    public IReadOnlyList<string> Usage =>
    [
        "seed-synthetic --tenant <Nom> --count <N> [--type Initiative] [--seed 42] [--corpus phrases|realistic]",
        "               [--words /usr/share/dict/french] [--sentences <dossier des rapports>]",
        "                                             publie N contenus fictifs (pour les mesures de performance) : phrases = 15 phrases",
        "                                             répétées ; realistic = mots de la liste (loi de Zipf) et phrases des rapports",
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

        var seed = context.IntOption("seed", 42);
        var realistic = context.Option("corpus") switch
        {
            null or "phrases" => null,
            "realistic" => RealisticText.Load(
                context.Option("words") ?? "/usr/share/dict/french",
                context.Option("sentences") ?? throw new CommandLineUsageException("--corpus realistic attend --sentences <dossier des rapports sources>."),
                SyntheticContentGenerator.Sentences,
                seed),
            var other => throw new CommandLineUsageException($"corpus inconnu : « {other} » (phrases ou realistic)."),
        };
        var generator = new SyntheticContentGenerator(type, vocabularies, seed, realistic);
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

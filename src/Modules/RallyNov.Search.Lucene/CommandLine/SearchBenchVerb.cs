using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Search.Lucene.CommandLine;

/// <summary>
/// `search-bench --tenant X --queries bench/search/queries.txt [--rounds 20]`: server-side latency of
/// the search service (query + facets + snippets), without HTTP, as p50 / p99 in milliseconds.
/// </summary>
internal sealed class SearchBenchVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "search-bench";

    public IReadOnlyList<string> Usage =>
    [
        "search-bench --tenant <Nom> --queries <fichier> [--rounds 20] [--warmup 5] [--top 5] [--cache on]",
        "                                             mesure la latence de la recherche (p50, p99) sans HTTP",
    ];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var tenant = await services.GetRequiredService<TenantSetupService>().StartForCommandLineAsync(context.Required("tenant"), cancellationToken);
        var rounds = context.IntOption("rounds", 20);
        var requests = (await File.ReadAllLinesAsync(context.Required("queries"), cancellationToken))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(Parse)
            .ToList();
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var search = scope.ServiceProvider.GetRequiredService<ISearchService>();

        // The search itself is measured, not the answer cache (--cache on measures with it).
        services.GetRequiredService<SearchAnswerCache>().Enabled = context.Option("cache") == "on";

        // Warm-up, not measured: the JIT's second tier, caches and the memory maps of the index
        // settle over the first rounds; a server reaches this steady state within seconds.
        for (var round = 0; round < context.IntOption("warmup", 5); round++)
        {
            foreach (var request in requests)
            {
                await search.SearchAsync(request, cancellationToken);
            }
        }

        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var (allocated, paused) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
        var processor = Process.GetCurrentProcess().TotalProcessorTime; // less sensitive to a busy host than wall time

        var timings = new List<double>(requests.Count * rounds);
        var perQuery = requests.ToDictionary(r => r, _ => new List<double>());
        var answers = new Dictionary<SearchRequest, SearchResponse>();
        var empty = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var request in requests)
            {
                var watch = Stopwatch.StartNew();
                var response = await search.SearchAsync(request, cancellationToken);
                timings.Add(watch.Elapsed.TotalMilliseconds);
                perQuery[request].Add(watch.Elapsed.TotalMilliseconds);
                empty += round == 0 && response.Total == 0 ? 1 : 0;
                answers[request] = response;
            }
        }

        // The slowest queries by median, to know where to look.
        foreach (var (request, times) in perQuery.OrderByDescending(p => Median(p.Value)).Take(context.IntOption("top", 5)))
        {
            // What it found, to check that a faster typo path still finds the intended word.
            var answer = answers[request];
            var found = $"{answer.Total} résultat(s){(answer.DidYouMean is { } better ? $", « {better} »" : "")}, 1er : {(answer.Hits.Count > 0 ? answer.Hits[0].Title : "—")}";
            await context.Output.WriteLineAsync($"  {Median(times),8:N2} ms  {request.Query} {string.Join(' ', request.Filters.Select(f => $"{f.Key}={string.Join(',', f.Value)}"))} ({found})");
        }

        timings.Sort();
        await context.Output.WriteLineAsync(
            $"{requests.Count} requêtes × {rounds} tours : p50 {Percentile(timings, 50):N2} ms, p90 {Percentile(timings, 90):N2} ms, p99 {Percentile(timings, 99):N2} ms, max {timings[^1]:N2} ms, moyenne {timings.Average():N2} ms ({empty} sans résultat)");
        await context.Output.WriteLineAsync(
            $"ramasse-miettes pendant la mesure : {GC.CollectionCount(0) - collections.Item1} gen0, {GC.CollectionCount(1) - collections.Item2} gen1, {GC.CollectionCount(2) - collections.Item3} gen2, " +
            $"pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms, {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / timings.Count:N0} Kio alloués par requête, " +
            $"temps processeur {(Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds / timings.Count:N2} ms par requête");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static SearchRequest Parse(string line)
    {
        var words = new List<string>();
        var filters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var types = new List<string>();
        foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !part.StartsWith('"'))
            {
                var (name, value) = (part[..equals], part[(equals + 1)..]);
                if (name == "type")
                {
                    types.Add(value);
                }
                else
                {
                    (filters.TryGetValue(name, out var list) ? list : filters[name] = []).Add(value);
                }
            }
            else
            {
                words.Add(part);
            }
        }

        return new SearchRequest
        {
            Query = string.Join(' ', words),
            Types = types,
            Filters = filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value),
        };
    }
}

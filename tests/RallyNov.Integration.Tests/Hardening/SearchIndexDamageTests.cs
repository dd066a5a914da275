using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// A truncated or deleted index file never takes a tenant down: lists come from the database,
/// search says it is unavailable (never a 500), /health reports it until the index is rebuilt
/// from the database, and only then does readiness come back (no window of empty results).
/// </summary>
public sealed class SearchIndexDamageTests
{
    private static readonly string[] PublicPages =
        ["/bourgogne/", "/bourgogne/initiatives", "/bourgogne/initiatives?departement=21", "/bourgogne/recherche?q=delices", "/bourgogne/api/search?q=delices", "/bourgogne/api/search/suggest?q=del"];

    [Theory]
    [InlineData("truncate")]
    [InlineData("delete-segments")]
    [InlineData("delete-all")]
    public async Task A_damaged_index_is_rebuilt_and_no_page_answers_500_meanwhile(string damage)
    {
        var dataPath = await SiteWithIndexAsync();
        try
        {
            Damage(dataPath, damage);

            await using var factory = new RallyNovFactory(dataPath) { WaitForReadiness = false };
            using var client = factory.CreateClient();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            JsonElement found;
            do
            {
                foreach (var url in PublicPages)
                {
                    var (status, body) = await Html.GetAsync(client, url);
                    Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{url} answered {(int)status}");
                    if (status == HttpStatusCode.ServiceUnavailable)
                    {
                        Assert.Contains("momentanément indisponible", Html.Decoded(body), StringComparison.Ordinal);
                    }
                }

                found = await JsonAsync(client, "/bourgogne/api/search?q=delices");
            }
            while (!(found.TryGetProperty("total", out var total) && total.GetInt32() > 0) && DateTime.UtcNow < deadline);

            Assert.True(found.GetProperty("total").GetInt32() > 0, "The index was not rebuilt: " + found);
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    [Fact]
    public async Task While_the_index_is_rebuilt_health_is_not_ready_search_says_so_and_lists_come_from_the_database()
    {
        var dataPath = await SiteWithIndexAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            Damage(dataPath, "truncate");
            await using var site = new RallyNovFactory(dataPath) { WaitForReadiness = false };
            await using var factory = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => HoldRebuilds(services, gate.Task)));
            using var client = factory.CreateClient();

            using (var health = await client.GetAsync(new Uri("/health", UriKind.Relative)))
            {
                var text = await health.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                Assert.Contains("\"search\":\"building\"", text, StringComparison.Ordinal);
            }

            var (status, html) = await Html.GetAsync(client, "/bourgogne/recherche?q=delices");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("recherche est momentanément indisponible", Html.Decoded(html), StringComparison.Ordinal);
            using (var api = await client.GetAsync(new Uri("/bourgogne/api/search?q=delices", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
                Assert.True(api.Headers.RetryAfter is not null);
            }

            // The list pages read the database meanwhile: same content as before the damage.
            var (listStatus, list) = await Html.GetAsync(client, "/bourgogne/initiatives");
            Assert.Equal(HttpStatusCode.OK, listStatus);
            Assert.Contains("/bourgogne/initiatives/", list, StringComparison.Ordinal);

            gate.SetResult();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            HttpStatusCode ready;
            do
            {
                await Task.Delay(50);
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                ready = health.StatusCode;
            }
            while (ready != HttpStatusCode.OK && DateTime.UtcNow < deadline);

            // Ready means searchable: the first search after /health says 200 finds the content.
            Assert.Equal(HttpStatusCode.OK, ready);
            Assert.True((await JsonAsync(client, "/bourgogne/api/search?q=delices")).GetProperty("total").GetInt32() > 0);
        }
        finally
        {
            gate.TrySetResult();
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    [Fact]
    public async Task Index_rebuild_on_the_command_line_works_on_a_damaged_index()
    {
        var dataPath = await SiteWithIndexAsync();
        try
        {
            Damage(dataPath, "truncate");

            var (code, output, error) = await HostProcess.RunVerbAsync(dataPath, "index", "rebuild", "--tenant", "Bourgogne");

            Assert.True(code == 0, $"exit code {code}: {error}");
            Assert.Matches(@"Index de « Bourgogne » reconstruit : [1-9]\d* documents", output);
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    /// <summary>A site set up and indexed, then stopped: its data folder.</summary>
    private static Task<string> SiteWithIndexAsync() => SiteTemplate.CopyAsync();

    private static void Damage(string dataPath, string damage)
    {
        var index = Path.Combine(dataPath, "Sites", "Bourgogne", "Lucene");
        var files = Directory.GetFiles(index);
        switch (damage)
        {
            case "truncate":
                // What the outside test did: stop, `truncate -s 50%` the compound file, start.
                foreach (var file in files.Where(f => f.EndsWith(".cfs", StringComparison.Ordinal)))
                {
                    using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
                    stream.SetLength(stream.Length / 2);
                }

                break;
            case "delete-segments":
                foreach (var file in files.Where(f => Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
                {
                    File.Delete(file);
                }

                break;
            default:
                foreach (var file in files)
                {
                    File.Delete(file);
                }

                break;
        }
    }

    /// <summary>Indexing waits for <paramref name="gate"/>: the time a large site takes to rebuild, made visible.</summary>
    private static void HoldRebuilds(IServiceCollection services, Task gate)
    {
        var registration = services.Last(d => d.ServiceType == typeof(ISearchIndexer));
        services.Remove(registration);
        services.AddScoped<ISearchIndexer>(sp => new HeldIndexer((ISearchIndexer)ActivatorUtilities.CreateInstance(sp, registration.ImplementationType!), gate));
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone();
    }

    private sealed class HeldIndexer(ISearchIndexer inner, Task gate) : ISearchIndexer
    {
        public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.CatchUpAsync(cancellationToken);
        }

        public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.RebuildAsync(progress, cancellationToken);
        }

        public SearchIndexInfo Info() => inner.Info();
    }
}

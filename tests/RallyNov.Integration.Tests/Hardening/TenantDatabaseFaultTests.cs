using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Cms.CommandLine;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Core.Hosting;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// A tenant set up once whose database is missing or unreadable is never set up again empty: it
/// answers 503 in French, /health names it, the other tenants serve, and only `tenants reset`
/// (an explicit command) sets it up again from its recipe.
/// </summary>
public sealed class TenantDatabaseFaultTests
{
    [Fact]
    public async Task A_missing_database_closes_its_tenant_until_an_explicit_reset()
    {
        var dataPath = await SetUpSiteAsync();
        try
        {
            TestDatabase.LoseTenantDatabase(dataPath, "FrancheComte");

            await using var factory = new RallyNovFactory(dataPath) { WaitForReadiness = false };
            using var client = factory.CreateClient();

            await AssertClosedAsync(client, "/franche-comte/");
            await AssertClosedAsync(client, "/franche-comte/initiatives");
            await AssertClosedAsync(client, "/franche-comte/recherche?q=innovation");
            Assert.Equal(HttpStatusCode.OK, (await Html.GetAsync(client, "/bourgogne/")).Status);
            Assert.Equal(HttpStatusCode.OK, (await Html.GetAsync(client, "/")).Status);
            var (status, tenants) = await HealthAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("missing", tenants["FrancheComte"].GetProperty("database").GetString());
            Assert.Equal("ok", tenants["Bourgogne"].GetProperty("database").GetString());
            Assert.False(TestDatabase.TenantDatabaseExists(dataPath, "FrancheComte"), "The database was created again, empty.");

            // The explicit way back: refused for a healthy tenant, done for the broken one.
            using var output = new StringWriter();
            await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(factory, output, "tenants", "reset", "--tenant", "Bourgogne", "--confirm", "Bourgogne"));
            await Assert.ThrowsAsync<CommandLineUsageException>(() => RunAsync(factory, output, "tenants", "reset", "--tenant", "FrancheComte"));
            Assert.Equal(0, await RunAsync(factory, output, "tenants", "reset", "--tenant", "FrancheComte", "--confirm", "FrancheComte"));
            Assert.True(TestDatabase.TenantDatabaseExists(dataPath, "FrancheComte"));

            // The running site takes the tenant back by itself within seconds.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            HttpStatusCode page;
            do
            {
                await Task.Delay(200);
                page = (await Html.GetAsync(client, "/franche-comte/pages/conditions-favorables-innovation-sociale")).Status;
            }
            while (page != HttpStatusCode.OK && DateTime.UtcNow < deadline);
            Assert.Equal(HttpStatusCode.OK, page);
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    [SqliteOnlyTheory("damages the bytes of the tenant's content.db file")]
    [InlineData("garbage")]
    [InlineData("empty")]
    [InlineData("pages")]
    public async Task An_unreadable_database_answers_503_not_500_and_is_left_as_it_is(string damage)
    {
        var dataPath = await SetUpSiteAsync();
        try
        {
            var database = Path.Combine(dataPath, "Sites", "FrancheComte", "content.db");
            Corrupt(database, damage);
            var length = new FileInfo(database).Length;

            await using var factory = new RallyNovFactory(dataPath) { WaitForReadiness = false };
            using var client = factory.CreateClient();

            await AssertClosedAsync(client, "/franche-comte/");
            await AssertClosedAsync(client, "/franche-comte/initiatives");
            Assert.Equal(HttpStatusCode.OK, (await Html.GetAsync(client, "/bourgogne/initiatives")).Status);
            var (status, tenants) = await HealthAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.NotEqual("ok", tenants["FrancheComte"].GetProperty("database").GetString());
            Assert.Equal(length, new FileInfo(database).Length); // nothing written over it
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    [Fact]
    public async Task A_request_that_finds_the_database_corrupt_gets_the_503_page_and_health_names_the_tenant()
    {
        var dataPath = await SetUpSiteAsync();
        try
        {
            await using var site = new RallyNovFactory(dataPath);
            await using var factory = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                // What SQLite answers when a page of the file is damaged ("database disk image is malformed").
                services.AddScoped<IPublishedContentReader, CorruptReader>();
            }));
            using var client = factory.CreateClient();

            await AssertClosedAsync(client, "/bourgogne/actualites");
            var (status, tenants) = await HealthAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("unreadable", tenants["Bourgogne"].GetProperty("database").GetString());
            Assert.Equal(HttpStatusCode.OK, (await Html.GetAsync(client, "/franche-comte/pages/conditions-favorables-innovation-sociale")).Status);
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    private static async Task AssertClosedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = Html.Decoded(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("momentanément indisponible", html, StringComparison.Ordinal);
        Assert.True(response.Headers.RetryAfter is not null, url + " has no Retry-After");
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, JsonElement> Tenants)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tenants = json.RootElement.GetProperty("tenants").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.Clone());
        return (response.StatusCode, tenants);
    }

    /// <summary>A site set up from its recipes and stopped, its databases closed: its data folder.</summary>
    private static Task<string> SetUpSiteAsync() => SiteTemplate.CopyAsync();

    private static void Corrupt(string database, string damage)
    {
        foreach (var side in new[] { "-wal", "-shm" })
        {
            File.Delete(database + side);
        }

        var bytes = File.ReadAllBytes(database);
        var random = new Random(15);
        switch (damage)
        {
            case "garbage":
                random.NextBytes(bytes);
                break;
            case "empty":
                bytes = [];
                break;
            default:
                // The header and first pages stay; everything after is noise.
                random.NextBytes(bytes.AsSpan(8192));
                break;
        }

        File.WriteAllBytes(database, bytes);
    }

    private static Task<int> RunAsync(RallyNovFactory factory, TextWriter output, params string[] args)
    {
        var verb = CommandLineRunner.Verbs(factory.Services).Single(v => v.Name == args[0]);
        return verb.RunAsync(new CommandLineContext(args[1..], output), CancellationToken.None);
    }

    private sealed class CorruptReader : IPublishedContentReader
    {
        public Task<IReadOnlyList<ContentItem>> AllAsync(string contentType, CancellationToken cancellationToken) => throw Malformed();

        public Task<IReadOnlyList<ContentItem>> ReferrersAsync(string contentItemId, CancellationToken cancellationToken) => throw Malformed();

        private static SqliteException Malformed() => new("SQLite Error 11: 'database disk image is malformed'.", 11);
    }
}

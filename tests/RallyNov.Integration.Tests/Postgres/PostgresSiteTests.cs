using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Postgres;

/// <summary>
/// The same site on PostgreSQL instead of SQLite: first-start setup of the three tenants into
/// their own schemas, sample content, sign-in (Identity tables in the tenant schema), drafts and
/// publishing. Catches provider-specific migrations and queries that SQLite lets through.
/// </summary>
public sealed class PostgresSiteTests : IDisposable
{
    private readonly PostgresSiteFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task First_start_sets_up_each_tenant_in_its_own_schema_with_its_sample_content()
    {
        using var client = _factory.CreateClient();

        // The portal's impact sums are read from each schema by the impact query (raw SQL on the content table).
        foreach (var (path, expected) in new[] { ("/", "rally'nov"), ("/", "Leur impact dans la région : 6 emplois, 28 partenaires"), ("/bourgogne/laureats", "Délices Bleus"), ("/franche-comte/laureats", "Vadapad") })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Isolation: Franche-Comté's laureate lives in its schema only.
        await using var connection = new NpgsqlConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        Assert.True(await CountAsync(connection, "franchecomte", "Vadapad") > 0);
        Assert.Equal(0, await CountAsync(connection, "bourgogne", "Vadapad"));
        Assert.Equal(0, await CountAsync(connection, "default", "Vadapad"));
    }

    [Fact]
    public async Task A_tenant_whose_schema_was_dropped_answers_503_and_is_never_recreated_empty()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/franche-comte/laureats", UriKind.Relative))).StatusCode);

        await using (var connection = new NpgsqlConnection(_factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP SCHEMA franchecomte CASCADE";
            await drop.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        // A page already in the output cache, or built from card data kept in memory for the site's
        // version (laureates), may still be served; the first request that needs the database (the
        // initiative list reads it on each request; another query string is another cache entry) finds it gone.
        using var page = await client.GetAsync(new Uri("/franche-comte/initiatives?apres-perte", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("momentanément indisponible", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/bourgogne/laureats", UriKind.Relative))).StatusCode);
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var tenants = JsonNode.Parse(await health.Content.ReadAsStringAsync())!["tenants"]!.AsArray();
        Assert.Contains(tenants.Single(t => t!["name"]!.GetValue<string>() == "FrancheComte")!["database"]!.GetValue<string>(), new[] { "missing", "unreadable" });

        await using var check = new NpgsqlConnection(_factory.ConnectionString);
        await check.OpenAsync();
        await using var exists = check.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'franchecomte'";
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Administrator_signs_in_and_sees_the_back_office()
    {
        using var browser = new TestBrowser(_factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));

        using var failed = await browser.LoginAsync("/bourgogne", "admin", "mauvais-mot-de-passe");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);

        using var login = await browser.LoginAsync("/bourgogne", "admin", PostgresSiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var dashboard = await browser.GetPageAsync("/bourgogne/admin");
        Assert.Contains("Tableau de bord", dashboard, StringComparison.Ordinal);

        // The audit trail writes into the tenant's schema on PostgreSQL too (its own migrations).
        await using var connection = new NpgsqlConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Action\" FROM bourgogne.\"AuditEvents\" ORDER BY \"Id\"";
        var actions = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                actions.Add(reader.GetString(0));
            }
        }

        Assert.Contains("login.failed", actions);
        Assert.Contains("login.succeeded", actions);
    }

    [Fact]
    public async Task A_draft_stays_hidden_until_it_is_published()
    {
        string slug;
        await using (var scope = _factory.Scope("Bourgogne"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var item = contents.New("Initiative");
            item.Content = new JsonObject { ["Title"] = "Épicerie solidaire de Nevers", ["YearIdentified"] = 2024 };
            var saved = await contents.SaveDraftAsync(item, CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            slug = saved.Item!.Slug!;
        }

        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/bourgogne/initiatives/{slug}", UriKind.Relative))).StatusCode);

        await using (var scope = _factory.Scope("Bourgogne"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var latest = await contents.GetBySlugAsync(slug, VersionOptions.Latest, CancellationToken.None);
            Assert.True((await contents.PublishLatestAsync(latest!.ContentItemId, CancellationToken.None)).Succeeded);
        }

        using var published = await client.GetAsync(new Uri($"/bourgogne/initiatives/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("Épicerie solidaire de Nevers", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string schema, string text)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = @s AND table_name = 'ContentItems'";
        exists.Parameters.AddWithValue("s", schema);
        if ((long)(await exists.ExecuteScalarAsync())! == 0)
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{schema}\".\"ContentItems\" WHERE \"DisplayText\" LIKE @t";
        command.Parameters.AddWithValue("t", "%" + text + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

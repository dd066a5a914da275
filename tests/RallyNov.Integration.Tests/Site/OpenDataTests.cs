using System.Net;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// /donnees: the CSV (UTF-8 with BOM) read back with a CSV parser holds exactly the published
/// initiatives — of the site, or of every site on the portal —; the JSON too; the Table Schema and
/// the page document the same columns and the licence.
/// </summary>
public sealed class OpenDataTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    public static TheoryData<string, string[]> Sites() => new()
    {
        { "", ["Default", "Bourgogne", "FrancheComte"] },
        { "/bourgogne", ["Bourgogne"] },
        { "/franche-comte", ["FrancheComte"] },
    };

    private async Task<Dictionary<string, string>> PublishedAsync(IEnumerable<string> tenants)
    {
        var all = new Dictionary<string, string>();
        foreach (var tenant in tenants)
        {
            await using var scope = factory.TenantScope(tenant);
            foreach (var item in await scope.ServiceProvider.GetRequiredService<IContentManager>().AllPublishedAsync("Initiative", CancellationToken.None))
            {
                all[item.ContentItemId] = item.DisplayText;
            }
        }

        return all;
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task The_csv_parsed_back_is_the_published_set(string prefix, string[] tenants)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(prefix + "/donnees/initiatives.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = new Dictionary<string, string>();
        using (var reader = CsvReader.Create(new MemoryStream(bytes), null, false))
        {
            while (reader.Read())
            {
                Assert.StartsWith("http", reader.GetString("url"), StringComparison.Ordinal);
                rows.Add(reader.GetString("identifiant"), reader.GetString("titre"));
            }

            Assert.Equal(RallyNov.Initiatives.OpenData.OpenDataColumns.All.Select(c => c.Name), reader.Headers);
        }

        var published = await PublishedAsync(tenants);
        Assert.NotEmpty(published);
        Assert.Equal(published.OrderBy(p => p.Key, StringComparer.Ordinal), rows.OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task The_json_holds_the_same_set_under_the_licence(string prefix, string[] tenants)
    {
        using var client = factory.CreateClient();
        var json = JsonNode.Parse(await client.GetStringAsync(new Uri(prefix + "/donnees/initiatives.json", UriKind.Relative)))!;
        Assert.Equal("Licence Ouverte / Etalab 2.0", json["licence"]!.GetValue<string>());
        var ids = json["initiatives"]!.AsArray().Select(i => i!["identifiant"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal((await PublishedAsync(tenants)).Keys.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task The_page_and_the_table_schema_document_every_column_and_the_licence()
    {
        using var client = factory.CreateClient();
        var schema = JsonNode.Parse(await client.GetStringAsync(new Uri("/bourgogne/donnees/initiatives.schema.json", UriKind.Relative)))!;
        var fields = schema["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(RallyNov.Initiatives.OpenData.OpenDataColumns.All.Select(c => c.Name), fields);

        var (status, html) = await SitePages.GetAsync(client, "/bourgogne/donnees");
        Assert.Equal(HttpStatusCode.OK, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("Licence Ouverte / Etalab 2.0", html, StringComparison.Ordinal);
        foreach (var field in fields)
        {
            Assert.Contains($"<code>{field}</code>", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/bourgogne")]
    [InlineData("")]
    public async Task Impact_figures_are_integer_columns_of_the_csv_and_the_json(string prefix)
    {
        using var client = factory.CreateClient();
        var rows = new Dictionary<string, Dictionary<string, string>>();
        using (var reader = CsvReader.Create(new MemoryStream(await client.GetByteArrayAsync(new Uri(prefix + "/donnees/initiatives.csv", UriKind.Relative))), null, false))
        {
            while (reader.Read())
            {
                rows.Add(reader.GetString("identifiant"), new[] { "emplois", "personnes_touchees", "benevoles", "partenaires", "annee_mesure_impact" }.ToDictionary(c => c, c => reader.GetString(c)));
            }
        }

        // The seeded figures of the 2023 report: three young autistic cooks and three supervisors.
        Assert.Equal("6", rows["ini-delices-bleus"]["emplois"]);
        Assert.Equal("2023", rows["ini-delices-bleus"]["annee_mesure_impact"]);
        Assert.Equal("", rows["ini-delices-bleus"]["benevoles"]);
        Assert.All(rows.Where(r => r.Key != "ini-delices-bleus" && r.Key != "ini-drive-fermier-39"), r => Assert.Equal("", r.Value["emplois"]));

        var json = JsonNode.Parse(await client.GetStringAsync(new Uri(prefix + "/donnees/initiatives.json", UriKind.Relative)))!;
        var delices = json["initiatives"]!.AsArray().Single(i => i!["identifiant"]!.GetValue<string>() == "ini-delices-bleus")!;
        Assert.Equal(6, delices["emplois"]!.GetValue<long>());
        Assert.Null(delices["benevoles"]);
    }

    [Fact]
    public async Task A_draft_initiative_is_not_in_the_open_data()
    {
        await using (var scope = factory.TenantScope("Bourgogne"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var draft = contents.New("Initiative");
            draft.Set("Title", "Brouillon secret données ouvertes");
            Assert.True((await contents.SaveDraftAsync(draft, CancellationToken.None)).Succeeded);
        }

        using var client = factory.CreateClient();
        Assert.DoesNotContain("Brouillon secret", await client.GetStringAsync(new Uri("/bourgogne/donnees/initiatives.csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("Brouillon secret", await client.GetStringAsync(new Uri("/donnees/initiatives.json", UriKind.Relative)), StringComparison.Ordinal);
    }
}

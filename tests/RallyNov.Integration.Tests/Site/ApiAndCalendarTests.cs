using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;

namespace RallyNov.Integration.Tests.Site;

/// <summary>The JSON API shows published items only, every field of the definition; the agenda is valid iCalendar.</summary>
public sealed class ApiAndCalendarTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    [Fact]
    public async Task Api_lists_are_paged_and_carry_every_field_of_the_definition()
    {
        using var client = factory.CreateClient();
        var (status, body) = await SitePages.GetAsync(client, "/franche-comte/api/content/Partner?page=2&pageSize=5");
        Assert.Equal(HttpStatusCode.OK, status);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(2, json["page"]!.GetValue<int>());
        Assert.Equal(17, json["total"]!.GetValue<int>());
        Assert.Equal(4, json["pageCount"]!.GetValue<int>());
        var items = json["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        var fieldNames = json["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Kind", fieldNames);
        Assert.All(items, item => Assert.Equal(fieldNames.Order(StringComparer.Ordinal), item!["fields"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Api_detail_by_slug_and_unknown_types_or_other_tenants_are_404()
    {
        using var client = factory.CreateClient();
        var (status, body) = await SitePages.GetAsync(client, "/api/content/Event/rencontre-regionale-dijon-2023");
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = JsonNode.Parse(body)!["fields"]!;
        Assert.Equal(143, fields["Participants"]!.GetValue<int>());
        Assert.Equal("2023-09-26", fields["Start"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, (await SitePages.GetAsync(client, "/api/content/Inconnu")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SitePages.GetAsync(client, "/bourgogne/api/content/Event/rencontre-regionale-dijon-2023")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SitePages.GetAsync(client, "/api/content/Initiative/rencontre-regionale-dijon-2023")).Status);
    }

    [Fact]
    public async Task A_draft_never_appears_in_lists_detail_or_api()
    {
        await using (var scope = factory.TenantScope("Default"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var draft = contents.New("Initiative");
            draft.Content = new JsonObject { ["Title"] = "Initiative en brouillon", ["Slug"] = "initiative-brouillon", ["YearIdentified"] = 2023, ["Themes"] = new JsonArray("mobilite") };
            Assert.True((await contents.SaveDraftAsync(draft, CancellationToken.None)).Succeeded);

            // A published item with a newer draft: visitors keep seeing the published text.
            var published = (await contents.GetAsync("ini-cogitec", VersionOptions.Latest, CancellationToken.None))!.Clone();
            published.Content["Summary"] = "Texte du brouillon, pas encore publié.";
            Assert.True((await contents.SaveDraftAsync(published, CancellationToken.None)).Succeeded);
        }

        using var client = factory.CreateClient();
        foreach (var url in new[] { "/initiatives", "/initiatives?theme=mobilite", "/api/content/Initiative?pageSize=100", "/", "/initiatives/cogitec-semaine-4-jours", "/api/content/Initiative/cogitec-semaine-4-jours" })
        {
            var (status, body) = await SitePages.GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("brouillon", body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await SitePages.GetAsync(client, "/initiatives/initiative-brouillon")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SitePages.GetAsync(client, "/api/content/Initiative/initiative-brouillon")).Status);
    }

    [Fact]
    public async Task Api_lists_follow_each_publish_unpublish_and_delete_at_the_very_next_request()
    {
        using var client = factory.CreateClient();
        async Task<JsonNode> ListAsync(string query = "")
        {
            var (status, body) = await SitePages.GetAsync(client, "/bourgogne/api/content/Page?pageSize=2" + query);
            Assert.Equal(HttpStatusCode.OK, status);
            return JsonNode.Parse(body)!;
        }

        var before = await ListAsync();
        var total = before["total"]!.GetValue<int>();
        var last = (total + 1) / 2;

        string id;
        await using (var scope = factory.TenantScope("Bourgogne"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var page = contents.New("Page");
            page.Content = new JsonObject { ["Title"] = "Aaa premier par le titre", ["Summary"] = "Page publiée par le test de l'API." };
            var saved = await contents.PublishAsync(page, CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            id = page.ContentItemId;
        }

        var after = await ListAsync();
        Assert.Equal(total + 1, after["total"]!.GetValue<int>());
        Assert.Equal("Aaa premier par le titre", after["items"]![0]!["title"]!.GetValue<string>());
        Assert.Empty((await ListAsync("&page=" + (last + 5)))["items"]!.AsArray());

        await using (var scope = factory.TenantScope("Bourgogne"))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IContentManager>().UnpublishAsync(id, CancellationToken.None)).Succeeded);
        }

        var unpublished = await ListAsync();
        Assert.Equal(total, unpublished["total"]!.GetValue<int>());
        Assert.NotEqual("Aaa premier par le titre", unpublished["items"]![0]!["title"]!.GetValue<string>());

        await using (var scope = factory.TenantScope("Bourgogne"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            Assert.True((await contents.PublishLatestAsync(id, CancellationToken.None)).Succeeded);
            Assert.Equal(total + 1, (await ListAsync())["total"]!.GetValue<int>());
            Assert.True((await contents.DeleteAsync(id, CancellationToken.None)).Succeeded);
        }

        Assert.Equal(total, (await ListAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Agenda_is_valid_icalendar_in_Paris_time()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/evenements.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        foreach (var component in new[] { "VCALENDAR", "VTIMEZONE", "VEVENT", "DAYLIGHT", "STANDARD" })
        {
            Assert.Equal(lines.Count(l => l == "BEGIN:" + component), lines.Count(l => l == "END:" + component));
        }

        Assert.Contains("TZID:Europe/Paris", lines);
        Assert.Equal(6, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Contains("DTSTART;VALUE=DATE:20230926", lines);
        Assert.Contains("LOCATION:Cinéma Olympia\\, Dijon", lines);

        using var single = await client.GetAsync(new Uri("/evenements/defis-de-l-is-2023.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        var one = await single.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Les Défis de l'IS\r\n", one, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20230404\r\n", one, StringComparison.Ordinal);

        // An event known only by its year is a whole-year, all-day entry that says so.
        var (yearStatus, year) = await SitePages.GetAsync(client, "/evenements/tournee-is-2024.ics");
        Assert.Equal(HttpStatusCode.OK, yearStatus);
        Assert.Contains("DTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20250101\r\n", year, StringComparison.Ordinal);
    }
}

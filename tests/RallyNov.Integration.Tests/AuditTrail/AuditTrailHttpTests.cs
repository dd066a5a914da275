using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Data;
using RallyNov.AuditTrail.Services;
using RallyNov.Core.Auditing;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.AuditTrail;

/// <summary>The audit trail through HTTP: what sign-ins and the back office record, and the /admin/audit screen.</summary>
[Collection(AuditAppGroup.Name)]
public sealed partial class AuditTrailHttpTests(AuditAppFactory app)
{
    [Fact]
    public async Task Failed_and_successful_sign_ins_are_recorded_with_the_client_address()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Editor");
        using var browser = app.Browser("203.0.113.7");

        using (var failed = await browser.LoginAsync("/bourgogne", user, "Mauvais-Passw0rd"))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using (var succeeded = await browser.LoginAsync("/bourgogne", user, UsersAppFactory.UserPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, succeeded.StatusCode);
        }

        var entries = await EntriesAsync("Bourgogne", new AuditQuery { Item = user, Category = AuditCategories.Security });
        Assert.Equal([AuditActions.LoginSucceeded, AuditActions.LoginFailed], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("203.0.113.7", e.IpAddress));
        Assert.Equal(user, entries[0].UserName);
        Assert.Null(entries[1].UserName); // a failed attempt has no author, only the attempted name
        Assert.Equal(user, entries[1].ItemId);
        Assert.All(entries, e => Assert.DoesNotContain("Passw0rd", e.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_name_is_recorded_as_a_failure()
    {
        var attempted = "inconnu-" + Guid.NewGuid().ToString("N")[..8];
        using var browser = app.Browser("198.51.100.20");
        using (await browser.LoginAsync("/franche-comte", attempted, "Quelconque-Passw0rd"))
        {
        }

        var entry = Assert.Single(await EntriesAsync("FrancheComte", new AuditQuery { Item = attempted }));
        Assert.Equal(AuditActions.LoginFailed, entry.Action);
        Assert.Null(entry.UserName);
        Assert.Equal("198.51.100.20", entry.IpAddress);
    }

    [Fact]
    public async Task Creating_a_user_in_the_back_office_is_recorded_with_its_author()
    {
        using var browser = await AdminAsync("/bourgogne");
        var created = "nouveau-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await browser.SubmitAsync("/bourgogne/admin/users/new", "/bourgogne/admin/users/new",
        [
            new("UserName", created),
            new("Email", created + "@example.org"),
            new("Roles", "Author"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The account and its invitation (the link is shown to the administrator: no SMTP here).
        var entries = await EntriesAsync("Bourgogne", new AuditQuery { Item = created, Category = AuditCategories.Users });
        Assert.Equal([AuditActions.UserInvited, AuditActions.UserCreated], entries.Select(e => e.Action));
        var entry = entries[1];
        Assert.Equal("admin", entry.UserName);
        Assert.Contains("Auteur", entry.Details, StringComparison.Ordinal);
        Assert.NotNull(entry.IpAddress);
    }

    [Fact]
    public async Task The_audit_screen_filters_by_user_action_and_date_range()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (alice, bruno) = ("alice-" + marker, "bruno-" + marker);
        await using (var scope = app.Scope("Default"))
        {
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await audit.RecordAsync(Event(alice, AuditActions.LoginSucceeded, "a-" + marker, new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc)), default);
            await audit.RecordAsync(Event(alice, AuditActions.LoginFailed, "b-" + marker, new DateTime(2025, 3, 12, 9, 0, 0, DateTimeKind.Utc)), default);

            // 23:30 UTC on 14 March is 15 March in Paris: it belongs to "au 14/03" only in UTC.
            await audit.RecordAsync(Event(bruno, AuditActions.LoginSucceeded, "c-" + marker, new DateTime(2025, 3, 14, 23, 30, 0, DateTimeKind.Utc)), default);
        }

        using var browser = await AdminAsync("");
        Assert.Equal(["b-" + marker, "a-" + marker], await ItemsAsync(browser, $"/admin/audit?user={alice}"));
        Assert.Equal(["c-" + marker, "a-" + marker], await ItemsAsync(browser, $"/admin/audit?item={marker}&action={AuditActions.LoginSucceeded}"));
        Assert.Equal(["b-" + marker], await ItemsAsync(browser, $"/admin/audit?item={marker}&from=2025-03-11&to=2025-03-14"));
        Assert.Equal(["c-" + marker], await ItemsAsync(browser, $"/admin/audit?item={marker}&from=2025-03-15&to=2025-03-15"));

        var page = await browser.GetPageAsync($"/admin/audit?user={alice}");
        Assert.Contains("Échec de connexion", page, StringComparison.Ordinal);
        Assert.Contains("Connexion réussie", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_screen_pages_by_fifty_and_keeps_the_filters_in_the_pager()
    {
        var user = "pager-" + Guid.NewGuid().ToString("N")[..8];
        var start = new DateTime(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        await using (var scope = app.Scope("Default"))
        {
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            for (var i = 0; i < 51; i++)
            {
                await audit.RecordAsync(Event(user, AuditActions.LoginFailed, $"{user}-{i:00}", start.AddMinutes(i)), default);
            }
        }

        using var browser = await AdminAsync("");
        var first = await ItemsAsync(browser, $"/admin/audit?user={user}&action={AuditActions.LoginFailed}");
        Assert.Equal(50, first.Count);
        Assert.Equal($"{user}-50", first[0]); // newest first

        var page = await browser.GetPageAsync($"/admin/audit?user={user}&action={AuditActions.LoginFailed}");
        Assert.Contains(WebUtility.HtmlEncode($"/admin/audit?user={user}&action={AuditActions.LoginFailed}&page=2"), page, StringComparison.Ordinal);
        Assert.Equal([$"{user}-00"], await ItemsAsync(browser, $"/admin/audit?user={user}&action={AuditActions.LoginFailed}&page=2"));
    }

    [Fact]
    public async Task Content_events_link_to_the_item_editor()
    {
        var id = "audit-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Scope("Default"))
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(
                new AuditEvent { Category = AuditCategories.Content, Action = AuditActions.ContentPublished, UserName = "admin", ItemId = id, ItemTitle = "Lauréat <2024>", UtcTime = DateTime.UtcNow },
                default);
        }

        using var browser = await AdminAsync("");
        var page = await browser.GetPageAsync($"/admin/audit?item={id}");
        Assert.Contains($"href=\"/admin/contents/{id}/edit\"", page, StringComparison.Ordinal);
        Assert.Contains("Lauréat &lt;2024&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Contenu publié", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_item_filter_ignores_case_on_every_database()
    {
        // PostgreSQL's LIKE is case-sensitive where SQLite's is not: "lauréat" finds « Lauréat ».
        var id = "casse-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Scope("Default"))
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(
                new AuditEvent { Category = AuditCategories.Content, Action = AuditActions.ContentPublished, UserName = "admin", ItemId = id, ItemTitle = "Lauréat Majuscule " + id.ToUpperInvariant(), UtcTime = DateTime.UtcNow },
                default);
        }

        using var browser = await AdminAsync("");
        var page = await browser.GetPageAsync("/admin/audit?item=" + Uri.EscapeDataString("majuscule " + id));
        Assert.Contains("Lauréat Majuscule " + id.ToUpperInvariant(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_the_permission_gets_403()
    {
        var editor = await app.CreateUserAsync("Default", "Editor");
        using var browser = app.Browser();
        using (var login = await browser.LoginAsync("", editor, UsersAppFactory.UserPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var response = await browser.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Events_of_one_tenant_are_invisible_in_another()
    {
        var id = "isole-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Scope("Bourgogne"))
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(Event("admin", AuditActions.SettingsChanged, id, DateTime.UtcNow), default);
        }

        using var bourgogne = await AdminAsync("/bourgogne");
        Assert.Equal([id], await ItemsAsync(bourgogne, $"/bourgogne/admin/audit?item={id}"));

        using var franche = await AdminAsync("/franche-comte");
        Assert.Empty(await ItemsAsync(franche, $"/franche-comte/admin/audit?item={id}"));

        // The Bourgogne cookie does not open the other tenant's trail either.
        using var foreign = await bourgogne.GetAsync("/franche-comte/admin/audit");
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
    }

    private static AuditEvent Event(string user, string action, string itemId, DateTime utc) => new()
    {
        Category = action.StartsWith("settings", StringComparison.Ordinal) ? AuditCategories.Settings : AuditCategories.Security,
        Action = action,
        UserName = user,
        ItemId = itemId,
        IpAddress = "192.0.2.1",
        UtcTime = utc,
    };

    private async Task<TestBrowser> AdminAsync(string prefix)
    {
        var browser = app.Browser();
        using var login = await browser.LoginAsync(prefix, "admin", UsersAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    /// <summary>The item column of the listed rows, in screen order.</summary>
    private static async Task<List<string>> ItemsAsync(TestBrowser browser, string path)
    {
        var html = await browser.GetPageAsync(path);
        return RowPattern().Matches(html).Select(m => WebUtility.HtmlDecode(StripTags(m.Groups[1].Value)).Trim()).ToList();
    }

    private static string StripTags(string html) => TagPattern().Replace(html, "");

    private async Task<List<AuditEntry>> EntriesAsync(string tenant, AuditQuery query)
    {
        await using var scope = app.Scope(tenant);
        return [.. (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(query, default)).Items];
    }

    // Row cells: date, user, action, item, details, address; the fourth is the item.
    [GeneratedRegex("<tr data-action=\"[^\"]*\">\\s*(?:<td>.*?</td>\\s*){3}<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}

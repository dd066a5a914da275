using System.Net;
using RallyNov.Core.Auditing;
using RallyNov.Integration.Tests.Infrastructure;
using static RallyNov.Integration.Tests.Settings.SettingsSupport;

namespace RallyNov.Integration.Tests.Settings;

/// <summary>« Réglages du site › Menus » through its forms: what the public header shows follows at the next request.</summary>
[Collection(SettingsAppGroup.Name)]
public sealed class SiteMenusSettingsTests(SettingsAppFactory app)
{
    [Theory]
    [InlineData("Default")]
    [InlineData("FrancheComte")]
    public async Task A_page_added_moved_up_then_hidden_is_followed_by_the_public_header(string tenant)
    {
        var prefix = Prefix(tenant);
        var menus = prefix + "/admin/settings/menus";
        var title = "Nous rejoindre " + Unique();
        var page = await PublishAsync(app, tenant, "Page", title);
        using var browser = await AdminAsync(app, tenant);

        using (var added = await browser.SubmitAsync(menus, $"{menus}/principal/add-page", [new("page", page.ContentItemId)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            Assert.Contains($"Page « {title} » ajoutée en fin de menu.", await FollowAsync(browser, added), StringComparison.Ordinal);
        }

        var header = MainMenu(await PublicAsync(app, prefix + "/"));
        Assert.Equal((title, $"{prefix}/pages/{page.Slug}"), header[^1]);
        var previous = header[^2].Text;

        // « Monter », on the row of that page (the form carries the entry's index and key), until it passes the
        // entry shown before it: entries in between may be hidden (a section with nothing published).
        for (var click = 0; click < 10 && MainMenu(await PublicAsync(app, prefix + "/"))[^1].Text == title; click++)
        {
            using var moved = await browser.SubmitAsync(menus, $"{menus}/principal/move", [new("key", "page:" + page.ContentItemId), new("direction", "up")]);
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            Assert.Matches("\\?focus=principal-\\d+&button=up#principal-\\d+$", moved.Headers.Location!.OriginalString);
        }

        header = MainMenu(await PublicAsync(app, prefix + "/"));
        Assert.Equal([title, previous], header.Skip(header.Count - 2).Select(h => h.Text));

        using (var hidden = await browser.SubmitAsync(menus, $"{menus}/principal/toggle", [new("key", "page:" + page.ContentItemId)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        }

        header = MainMenu(await PublicAsync(app, prefix + "/"));
        Assert.DoesNotContain(header, h => h.Text == title);
        Assert.Equal(previous, header[^1].Text);
        var admin = WebUtility.HtmlDecode(await browser.GetPageAsync(menus));
        Assert.Contains("Afficher<span class=\"visually-hidden\"> « " + title + " »", admin, StringComparison.Ordinal);

        var audit = await AuditAsync(app, tenant, AuditActions.SettingsChanged);
        Assert.Contains($"Menu principal : « {title} » masqué", audit[0].Details, StringComparison.Ordinal);
        Assert.Contains($"Menu principal : « {title} » monté en position", audit[1].Details, StringComparison.Ordinal);
        Assert.Contains("→ après : ", audit[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_without_published_content_stays_out_of_the_header_until_something_is_published()
    {
        // Bourgogne publishes no partner: its « Partenaires » section leads nowhere yet.
        using var browser = await AdminAsync(app, "Bourgogne");
        var menus = "/bourgogne/admin/settings/menus";
        var page = WebUtility.HtmlDecode(await browser.GetPageAsync(menus));
        if (!page.Contains("section:partenaires", StringComparison.Ordinal))
        {
            using var added = await browser.SubmitAsync(menus, menus + "/principal/add-section", [new("section", "partenaires")]);
            Assert.Contains("elle apparaîtra dès qu'un contenu y sera publié", await FollowAsync(browser, added), StringComparison.Ordinal);
            page = WebUtility.HtmlDecode(await browser.GetPageAsync(menus));
        }

        Assert.Contains("Masquée automatiquement : aucun contenu publié dans cette rubrique", page, StringComparison.Ordinal);
        Assert.DoesNotContain(MainMenu(await PublicAsync(app, "/bourgogne/")), h => h.Href == "/bourgogne/partenaires");

        await PublishAsync(app, "Bourgogne", "Partner", "Partenaire de Dijon " + Unique());
        Assert.Contains(MainMenu(await PublicAsync(app, "/bourgogne/")), h => h.Href == "/bourgogne/partenaires");
    }

    [Fact]
    public async Task An_external_link_with_a_bad_address_is_refused_beside_its_field_keeping_what_was_typed()
    {
        using var browser = await AdminAsync(app, "FrancheComte");
        var menus = "/franche-comte/admin/settings/menus";
        var before = await SiteSettingsAsync(app, "FrancheComte");

        using var response = await browser.SubmitAsync(menus, menus + "/pied-de-page/add-link", [new("text", "Notre partenaire"), new("url", "javascript:alert(1)")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("« javascript:alert(1) » n'est pas une adresse web complète", page, StringComparison.Ordinal);
        Assert.Matches("id=\"pied-de-page-link-url\"[^>]*aria-describedby=\"pied-de-page-link-url-error\"[^>]*aria-invalid=\"true\"", page);
        var form = HtmlForm.Find(page, menus, menus + "/pied-de-page/add-link");
        Assert.Equal(["Notre partenaire"], form.Values("text"));
        Assert.Equal(["javascript:alert(1)"], form.Values("url"));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(before["footerMenu"], (await SiteSettingsAsync(app, "FrancheComte"))["footerMenu"]));

        // Corrected, it is saved and shows in the footer.
        using var saved = await browser.SubmitAsync(form, [new("url", "https://www.example.org/partenaire")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(FooterInformation(await PublicAsync(app, "/franche-comte/")), l => l == ("Notre partenaire", "https://www.example.org/partenaire"));
    }

    [Fact]
    public async Task A_move_posted_for_an_entry_that_is_no_longer_there_moves_nothing()
    {
        using var browser = await AdminAsync(app, "Default");
        var menus = "/admin/settings/menus";
        var page = await browser.GetPageAsync(menus);
        var before = await SiteSettingsAsync(app, "Default");

        // Another administrator removed the entry meanwhile: the old form names a key the menu no longer has.
        var form = HtmlForm.Find(page, menus, menus + "/principal/move");
        using var response = await browser.SubmitAsync(form, [new("key", "link:https://disparu.example.org/"), new("direction", "down")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Cette entrée n'est plus dans le menu", await FollowAsync(browser, response), StringComparison.Ordinal);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(before["mainMenu"], (await SiteSettingsAsync(app, "Default"))["mainMenu"]));
    }
}

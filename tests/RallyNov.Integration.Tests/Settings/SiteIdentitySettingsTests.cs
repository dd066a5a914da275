using System.Net;
using System.Text;
using RallyNov.Core.Auditing;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Media;
using static RallyNov.Integration.Tests.Settings.SettingsSupport;

namespace RallyNov.Integration.Tests.Settings;

/// <summary>« Réglages du site › Identité » through its own form: refusals in French with nothing lost, changes on the public site at the next request.</summary>
[Collection(SettingsAppGroup.Name)]
public sealed class SiteIdentitySettingsTests(SettingsAppFactory app)
{
    [Fact]
    public async Task A_colour_white_text_cannot_be_read_on_is_refused_with_its_contrast_and_the_form_keeps_what_was_typed()
    {
        using var browser = await AdminAsync(app, "Bourgogne");
        var before = await SiteSettingsAsync(app, "Bourgogne");
        var name = "Bourgogne jaune " + Unique();

        using var response = await browser.SubmitAsync("/bourgogne/admin/settings", "/bourgogne/admin/settings",
            [new("SiteName", name), new("Tagline", "Un slogan tapé avant l'erreur"), new("PrimaryColor", "#f5c518"), new("AccentColor", "e07000")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Couleur principale : le blanc sur cette couleur a un contraste de 1,6:1 ; il faut au moins 4,5:1", page, StringComparison.Ordinal);
        Assert.Contains("Couleur d'accent : le blanc sur cette couleur a un contraste de 3,2:1 ; il faut au moins 4,5:1", page, StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", page, StringComparison.Ordinal);

        // The message sits next to its field, which points at it; what was typed is still there.
        var form = HtmlForm.Find(page, "/bourgogne/admin/settings", "/bourgogne/admin/settings");
        Assert.Equal([name], form.Values("SiteName"));
        Assert.Equal(["Un slogan tapé avant l'erreur"], form.Values("Tagline"));
        Assert.Equal(["#f5c518"], form.Values("PrimaryColor"));
        Assert.Equal(["e07000"], form.Values("AccentColor"));
        Assert.Matches("id=\"PrimaryColor\"[^>]*aria-describedby=\"[^\"]*PrimaryColor-error\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("id=\"PrimaryColor-error\"", page, StringComparison.Ordinal);

        // Nothing was stored.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(before, await SiteSettingsAsync(app, "Bourgogne")));
        Assert.DoesNotContain(name, await PublicAsync(app, "/bourgogne/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_social_link_that_is_not_an_https_address_and_a_malformed_email_are_refused_by_their_fields()
    {
        using var browser = await AdminAsync(app, "FrancheComte");
        var before = await SiteSettingsAsync(app, "FrancheComte");
        using var response = await browser.SubmitAsync("/franche-comte/admin/settings", "/franche-comte/admin/settings",
        [
            new("ContactEmail", "contact-at-exemple"),
            new("SocialLinks[0].Network", "linkedin"), new("SocialLinks[0].Url", "javascript:alert(1)"),
            new("SocialLinks[1].Network", "youtube"), new("SocialLinks[1].Url", "http://www.youtube.com/@rallynov"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("« contact-at-exemple » n'est pas une adresse e-mail", page, StringComparison.Ordinal);
        Assert.Contains("« javascript:alert(1) » n'est pas une adresse web complète", page, StringComparison.Ordinal);
        Assert.Contains("Utilisez l'adresse sécurisée de la page, qui commence par https://.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"SocialLinks_0__Url-error\"", page, StringComparison.Ordinal);
        var form = HtmlForm.Find(page, "/franche-comte/admin/settings", "/franche-comte/admin/settings");
        Assert.Equal(["http://www.youtube.com/@rallynov"], form.Values("SocialLinks[1].Url"));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(before, await SiteSettingsAsync(app, "FrancheComte")));
    }

    [Theory]
    [InlineData("Bourgogne")]
    [InlineData("FrancheComte")]
    public async Task A_new_name_colours_and_contact_show_on_the_public_site_at_the_next_request_and_are_audited_old_to_new(string tenant)
    {
        var prefix = Prefix(tenant);
        using var browser = await AdminAsync(app, tenant);
        var oldName = (await SiteSettingsAsync(app, tenant))["siteName"]!.GetValue<string>();
        var oldColor = (await SiteSettingsAsync(app, tenant))["primaryColor"]?.GetValue<string>() ?? "#00609c";
        var name = "rally'nov essai " + Unique();
        var color = oldColor == "#1b4d3e" ? "#5a3d8a" : "#1b4d3e";

        using var response = await browser.SubmitAsync(prefix + "/admin/settings", prefix + "/admin/settings",
        [
            new("SiteName", name), new("PrimaryColor", color.ToUpperInvariant()), new("ContactEmail", "bonjour@example.org"),
            new("SocialLinks[0].Network", "mastodon"), new("SocialLinks[0].Url", "https://social.example.org/@rallynov"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Identité du site enregistrée", await FollowAsync(browser, response), StringComparison.Ordinal);

        var home = WebUtility.HtmlDecode(await PublicAsync(app, prefix + "/"));
        Assert.Contains($"<title>{name}</title>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:bonjour@example.org\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"https://social.example.org/@rallynov\"", home, StringComparison.Ordinal);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "href=\"([^\"]+/assets/site-[0-9a-f]+\\.css)\"").Groups[1].Value;
        Assert.Contains("--brand:" + color + ";", await PublicAsync(app, stylesheet), StringComparison.Ordinal);
        Assert.Equal(color, (await SiteSettingsAsync(app, tenant))["primaryColor"]!.GetValue<string>());

        var audit = (await AuditAsync(app, tenant, AuditActions.SettingsChanged))[0];
        Assert.Equal("admin", audit.UserName);
        Assert.Contains($"Nom du site : « {oldName} » → « {name} »", audit.Details, StringComparison.Ordinal);
        Assert.Contains($"Couleur principale : « {oldColor} » → « {color} »", audit.Details, StringComparison.Ordinal);
        Assert.Contains("E-mail de contact : (vide) → « bonjour@example.org »", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_without_a_tagline_still_describes_its_home_to_search_engines_and_link_previews()
    {
        using var browser = await AdminAsync(app, "Bourgogne");
        var tagline = (await SiteSettingsAsync(app, "Bourgogne"))["tagline"]?.GetValue<string>() ?? "";
        try
        {
            using var response = await browser.SubmitAsync("/bourgogne/admin/settings", "/bourgogne/admin/settings", [new("Tagline", "")]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.True(string.IsNullOrEmpty((await SiteSettingsAsync(app, "Bourgogne"))["tagline"]?.GetValue<string>()));

            // Lighthouse's SEO audit "meta-description": the home has no summary of its own, the site's sentence stands in.
            var home = await PublicAsync(app, "/bourgogne/");
            var expected = "rally'nov repère, récompense et fait connaître l'innovation sociale en Bourgogne-Franche-Comté.";
            foreach (var meta in new[] { "name=\"description\"", "property=\"og:description\"" })
            {
                var contents = System.Text.RegularExpressions.Regex.Matches(home, "<meta " + meta + " content=\"([^\"]*)\">").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
                Assert.Equal([expected], contents);
            }
        }
        finally
        {
            using var restore = await browser.SubmitAsync("/bourgogne/admin/settings", "/bourgogne/admin/settings", [new("Tagline", tagline)]);
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }
    }

    [Fact]
    public async Task An_uploaded_logo_goes_to_the_media_library_and_becomes_the_header_logo_and_the_favicon()
    {
        using var browser = await AdminAsync(app, "FrancheComte");
        using var response = await browser.SubmitAsync("/franche-comte/admin/settings", "/franche-comte/admin/settings", [],
            [new FormFile("Logo", "Logo Franche-Comté.png", MediaTestSupport.Image(200, 200, ".png"))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var logo = (await SiteSettingsAsync(app, "FrancheComte"))["logo"]!.GetValue<string>();
        Assert.StartsWith("identite/logo-franche-comte", logo, StringComparison.Ordinal);
        Assert.EndsWith(".png", logo, StringComparison.Ordinal);
        var home = await PublicAsync(app, "/franche-comte/");
        Assert.Contains($"<img class=\"brand-logo\" src=\"/franche-comte/media/{logo}?w=160\"", home, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"icon\" href=\"/franche-comte/media/{logo}?w=160\"", home, StringComparison.Ordinal);
        using var client = app.Client();
        using var favicon = await client.GetAsync("/franche-comte/favicon.ico");
        Assert.Equal($"/franche-comte/media/{logo}?w=160", favicon.Headers.Location!.OriginalString);
        using var image = await client.GetAsync($"/franche-comte/media/{logo}?w=160");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    [Fact]
    public async Task A_logo_that_is_not_an_image_or_an_svg_with_a_script_never_reaches_the_site()
    {
        using var browser = await AdminAsync(app, "Bourgogne");
        var before = (await SiteSettingsAsync(app, "Bourgogne"))["logo"]?.GetValue<string>();

        using (var pdf = await browser.SubmitAsync("/bourgogne/admin/settings", "/bourgogne/admin/settings", [],
            [new FormFile("Logo", "logo.png", "%PDF-1.4 pas un logo"u8.ToArray())]))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            var page = WebUtility.HtmlDecode(await pdf.Content.ReadAsStringAsync());
            Assert.Contains("Le logo doit être une image PNG, WebP, JPEG ou SVG : ce fichier est un document PDF.", page, StringComparison.Ordinal);
            Assert.Contains("id=\"logo-error\"", page, StringComparison.Ordinal);
        }

        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script><rect width=\"10\" height=\"10\" onload=\"alert(1)\"/></svg>");
        using var response = await browser.SubmitAsync("/bourgogne/admin/settings", "/bourgogne/admin/settings", [], [new FormFile("Logo", "logo.svg", svg)]);
        var logo = (await SiteSettingsAsync(app, "Bourgogne"))["logo"]?.GetValue<string>();
        if (logo == before)
        {
            // Refused (the media library takes no SVG it cannot clean): said in French by the field.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("SVG", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        else
        {
            // Accepted only cleaned: what the site serves has neither the script nor the handler.
            using var client = app.Client();
            var served = await client.GetStringAsync("/bourgogne/media/" + logo);
            Assert.DoesNotContain("<script", served, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onload", served, StringComparison.OrdinalIgnoreCase);
        }
    }
}

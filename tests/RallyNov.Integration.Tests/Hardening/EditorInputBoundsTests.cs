using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Integration.Tests.Contents;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// What a back-office account can send through the editor: bodies that would cost the server
/// minutes of CPU are refused in French before they are parsed, without losing the rest of the
/// form; characters XML cannot hold never reach the feeds; links cannot point off-site by trickery.
/// </summary>
[Collection(HardeningSiteGroup.Name)]
public sealed partial class EditorInputBoundsTests(HardeningSiteFactory site)
{
    private const string NewPage = "/bourgogne/admin/contents/new/Page";

    public static TheoryData<string, string> RefusedBodies() => new()
    {
        // 100 levels of <b>: parsed as is, nesting costs the HTML parser quadratic time.
        { string.Concat(Enumerable.Repeat("<b>", 100)) + "texte", "imbrique trop de mises en forme" },
        // Stray end tags do not hide unclosed elements from the count.
        { string.Concat(Enumerable.Repeat("<i></b>", 100)) + "texte", "imbrique trop de mises en forme" },
        // 0.6 MB, as in the report: 200 000 nested <b> (133 s of CPU before).
        { string.Concat(Enumerable.Repeat("<b>", 200_000)) + "x", "est trop long" },
        // Flat but huge: 12 000 paragraphs.
        { string.Concat(Enumerable.Repeat("<p>x</p>", 12_000)), "contient trop d'éléments" },
    };

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public async Task An_overly_complex_body_is_refused_in_french_and_the_rest_of_the_form_is_kept(string body, string reason)
    {
        using var admin = await site.AdministratorAsync();
        var title = "Essai de charge " + Guid.NewGuid().ToString("N")[..6];
        var form = await admin.GetPageAsync(NewPage);

        using var response = await EditorHelpers.PostFormAsync(admin, NewPage, form, "draft", ("f.Title", title), ("f.Summary", "Un résumé gardé."), ("f.Body", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        var html = Html.Decoded(await response.Content.ReadAsStringAsync());
        Assert.Contains("Le contenu n'a pas été enregistré", html, StringComparison.Ordinal);
        Assert.Contains("« Contenu » " + reason, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{title}\"", html, StringComparison.Ordinal);
        Assert.Contains("Un résumé gardé.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_ordinary_article_is_still_accepted()
    {
        using var admin = await site.AdministratorAsync();
        var form = await admin.GetPageAsync(NewPage);
        var body = string.Concat(Enumerable.Range(0, 1500).Select(i => $"<h2>Partie {i}</h2><p>Une <strong>épicerie</strong> <a href=\"https://example.org/{i}\">solidaire</a> à Dijon.</p>"));

        using var response = await EditorHelpers.PostFormAsync(admin, NewPage, form, "draft", ("f.Title", "Long article"), ("f.Body", body));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_markdown_preview_of_deeply_nested_quotes_answers_a_french_reason_not_500()
    {
        using var admin = await site.AdministratorAsync();
        var form = await admin.GetPageAsync("/bourgogne/admin/contents/new/KeyFigures");
        var nested = new string('>', 1024) + " citation";

        // What editor.js posts: the Markdown and the editor form's own token.
        var editorForm = HtmlForm.Find(form, "/bourgogne/admin/contents/new/KeyFigures", "/bourgogne/admin/contents/new/KeyFigures");
        using var preview = await admin.PostAsync("/bourgogne/admin/contents/preview-markdown", [new("markdown", nested), new(HtmlForm.TokenField, editorForm.Token!)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.StatusCode);
        Assert.Contains("imbrique trop", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Without JavaScript, the "Aperçu" button re-renders the form with the reason.
        using var noScript = await EditorHelpers.PostFormAsync(admin, "/bourgogne/admin/contents/new/KeyFigures", form, "preview:Figures", ("f.Title", "Chiffres"), ("f.Figures", nested));
        Assert.Equal(HttpStatusCode.OK, noScript.StatusCode);
        Assert.Contains("Aperçu impossible", Html.Decoded(await noScript.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Saving it is refused the same way (it would fail on display).
        using var save = await EditorHelpers.PostFormAsync(admin, "/bourgogne/admin/contents/new/KeyFigures", form, "draft", ("f.Title", "Chiffres"), ("f.Year", "2024"), ("f.Figures", nested));
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("« Chiffres » imbrique trop", Html.Decoded(await save.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Characters_invalid_in_xml_are_stripped_when_saved()
    {
        using var admin = await site.AdministratorAsync();
        var form = await admin.GetPageAsync("/bourgogne/admin/contents/new/News");
        var word = "Vtab" + Guid.NewGuid().ToString("N")[..6];

        using var response = await EditorHelpers.PostFormAsync(admin, "/bourgogne/admin/contents/new/News", form, "publish",
            ("f.Title", word + "\u000b titre\u0001"), ("f.Summary", "Résumé\u001b[31m rouge"), ("f.Body", "<p>Corps\u0001 du texte</p>"));

        var id = EditorHelpers.IdFromRedirect(response);
        var item = await site.InTenant("Bourgogne", sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published, CancellationToken.None));
        Assert.Equal(word + " titre", item!.DisplayText);
        Assert.Equal("Résumé[31m rouge", item.GetString("Summary"));
        AssertValidXml(await FeedAsync(site.Client(), "/bourgogne/feed.xml"));
    }

    [Fact]
    public async Task Feed_sitemap_and_calendar_never_fail_on_control_characters_already_stored()
    {
        // Data saved before the editor stripped them: written straight into the database.
        var title = "Ancien\u000b titre\u0002 " + Guid.NewGuid().ToString("N")[..6];
        await site.InTenant("FrancheComte", async sp =>
        {
            var db = sp.GetRequiredService<RallyNovDbContext>();
            foreach (var type in new[] { "News", "Event" })
            {
                var row = await db.ContentItems.Where(x => x.ContentType == type && x.Published).OrderBy(x => x.Id).FirstAsync();
                await db.ContentItems.Where(x => x.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DisplayText, title));
            }

            return 0;
        });

        using var client = site.Client();
        AssertValidXml(await FeedAsync(client, "/franche-comte/feed.xml"));
        AssertValidXml(await FeedAsync(client, "/franche-comte/sitemap.xml"));
        using var calendar = await client.GetAsync(new Uri("/franche-comte/evenements.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.DoesNotMatch(ControlCharacter(), await calendar.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/\\evil.example/")]
    [InlineData("/\\/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https:\\\\evil.example")]
    [InlineData("java\tscript:alert(1)")]
    public async Task A_link_that_a_browser_would_send_off_site_is_refused(string url)
    {
        using var admin = await site.AdministratorAsync();
        var form = await admin.GetPageAsync("/bourgogne/admin/contents/new/Partner");

        using var response = await EditorHelpers.PostFormAsync(admin, "/bourgogne/admin/contents/new/Partner", form, "publish", ("f.Title", "Partenaire piégé"), ("f.Website.url", url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("l'adresse doit commencer par", Html.Decoded(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static async Task<string> FeedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static void AssertValidXml(string xml) => Assert.NotNull(XDocument.Parse(xml).Root);

    [GeneratedRegex("[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f]")]
    private static partial Regex ControlCharacter();
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Media.Services;
using static RallyNov.Integration.Tests.Media.MediaTestSupport;

namespace RallyNov.Integration.Tests.Media;

/// <summary>
/// Image fields of the content editor without JavaScript: the file chosen in « Téléverser » is
/// posted with the form, stored in the media library first and becomes the field's value; a refused
/// file is explained on its field and nothing of the form is lost.
/// </summary>
[Collection(MediaAppGroup.Name)]
public sealed partial class EditorUploadTests(MediaAppFactory app)
{
    private const string NewNews = "/bourgogne/admin/contents/new/News";

    [Fact]
    public async Task A_file_chosen_in_an_image_field_is_stored_and_saved_with_the_item()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var page = await browser.GetPageAsync(NewNews);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"f.Image.file\"", page, StringComparison.Ordinal);

        using var response = await browser.SubmitAsync(HtmlForm.Find(page, NewNews, NewNews),
            [new("submit", "draft"), new("f.Title", "Rencontre " + name), new("f.Image.alt", "Les participants de la rencontre")],
            [new FormFile("f.Image.file", name + ".jpg", Image(120, 80))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = IdOf(response);
        var item = await LatestAsync(id);
        Assert.Equal(name + ".jpg", item!.Content["Image"]!["path"]!.GetValue<string>());
        Assert.Equal("Les participants de la rencontre", item.Content["Image"]!["alt"]!.GetValue<string>());
        await using var scope = app.Scope("Bourgogne");
        var file = await scope.ServiceProvider.GetRequiredService<IMediaLibrary>().GetAsync(name + ".jpg", CancellationToken.None);
        Assert.Equal("Les participants de la rencontre", file!.Alt);
        var edit = WebUtility.HtmlDecode(await browser.GetPageAsync(response.Headers.Location!.OriginalString));
        Assert.Contains($"« {name}.jpg » a été ajouté à la médiathèque.", edit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("faux.png", "pas une image", "Type de fichier non accepté")]
    [InlineData("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"2\" height=\"2\"/></svg>", "Les images SVG ne sont pas acceptées ici")]
    [InlineData("rapport.pdf", "%PDF-1.4\n%%EOF", "Un document PDF ne peut pas servir d'image")]
    public async Task A_refused_file_is_explained_on_its_field_and_the_rest_of_the_form_is_kept(string fileName, string content, string reason)
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var title = "Brouillon " + UniqueName();
        var page = await browser.GetPageAsync(NewNews);

        using var response = await browser.SubmitAsync(HtmlForm.Find(page, NewNews, NewNews),
            [new("submit", "draft"), new("f.Title", title), new("f.Summary", "Un résumé tapé avec soin."), new("f.Image.alt", "Une image")],
            [new FormFile("f.Image.file", fileName, Encoding.UTF8.GetBytes(content))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Le contenu n'a pas été enregistré", html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"field-error\" id=\"f-Image-error\">« Image » : [^<]*" + Regex.Escape(reason), html);
        Assert.Contains($"value=\"{title}\"", html, StringComparison.Ordinal);
        Assert.Contains(">Un résumé tapé avec soin.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Une image\"", html, StringComparison.Ordinal);
        await using var scope = app.Scope("Bourgogne");
        var query = await scope.ServiceProvider.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery { Title = title, Status = ContentStatus.Latest }, CancellationToken.None);
        Assert.Empty(query.Items);
    }

    [Fact]
    public async Task A_stored_file_stays_chosen_when_the_save_fails_for_another_field()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var page = await browser.GetPageAsync(NewNews);

        using var response = await browser.SubmitAsync(HtmlForm.Find(page, NewNews, NewNews),
            [new("submit", "draft"), new("f.Title", ""), new("f.Image.alt", "La salle")],
            [new FormFile("f.Image.file", name + ".png", Image(60, 40, ".png"))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("« Titre » est obligatoire", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"f.Image.path\" value=\"{name}.png\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/bourgogne/media/{name}.png?w=320\"", html, StringComparison.Ordinal);

        // Saved again with a title, the item keeps the file stored by the first attempt.
        using var again = await browser.SubmitAsync(HtmlForm.Find(html, NewNews, NewNews), [new("submit", "draft"), new("f.Title", "Salle " + name)]);
        var item = await LatestAsync(IdOf(again));
        Assert.Equal(name + ".png", item!.Content["Image"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_partner_logo_takes_an_svg_and_a_contributor_gets_no_file_input()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        const string newPartner = "/bourgogne/admin/contents/new/Partner";
        var name = UniqueName();
        var page = await browser.GetPageAsync(newPartner);
        Assert.Contains("accept=\"image/jpeg,image/png,image/webp,image/gif,image/svg+xml,.svg\"", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        using var response = await browser.SubmitAsync(HtmlForm.Find(page, newPartner, newPartner),
            [new("submit", "draft"), new("f.Title", "Partenaire " + name), new("f.Logo.alt", "Logo du partenaire")],
            [new FormFile("f.Logo.file", name + ".svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 5\"><script>x()</script><rect width=\"10\" height=\"5\"/></svg>"))]);

        var item = await LatestAsync(IdOf(response));
        Assert.Equal(name + ".svg", item!.Content["Logo"]!["path"]!.GetValue<string>());
        Assert.DoesNotContain("script", await File.ReadAllTextAsync(Path.Combine(app.MediaFolder("Bourgogne"), name + ".svg")), StringComparison.Ordinal);

        var contributor = await app.CreateUserAsync("Bourgogne", "Contributor");
        using var other = await SignedInAsync(app, "Bourgogne", contributor);
        var form = await other.GetPageAsync(NewNews);
        Assert.DoesNotContain("type=\"file\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("multipart/form-data", form, StringComparison.Ordinal);
    }

    private async Task<ContentItem?> LatestAsync(string id)
    {
        await using var scope = app.Scope("Bourgogne");
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest, CancellationToken.None);
    }

    private static string IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return EditLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    [GeneratedRegex("/admin/contents/([^/]+)/edit$")]
    private static partial Regex EditLocation();
}

using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Media.Services;
using static RallyNov.Integration.Tests.Media.MediaTestSupport;

namespace RallyNov.Integration.Tests.Media;

/// <summary>
/// What the page scripts send and receive: the upload form posted one file at a time asking for
/// JSON (its own token), the picker's JSON with folders and kinds, several files without scripts.
/// </summary>
[Collection(MediaAppGroup.Name)]
public sealed class MediaScriptUploadTests(MediaAppFactory app)
{
    [Fact]
    public async Task A_script_upload_answers_the_stored_file_as_json()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();

        using var response = await PostAsJsonClientAsync(browser, name + ".png", Image(300, 200, ".png"), "Le jardin partagé", "images");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(name + ".png", root.GetProperty("path").GetString());
        Assert.Equal("/bourgogne/media/" + name + ".png", root.GetProperty("url").GetString());
        Assert.Equal("/bourgogne/media/" + name + ".png?w=160", root.GetProperty("thumb").GetString());
        Assert.Equal("png", root.GetProperty("kind").GetString());
        Assert.Equal(300, root.GetProperty("width").GetInt32());
        Assert.Equal($"« {name}.png » a été ajouté à la médiathèque.", root.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("images", "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", "Un document PDF ne peut pas servir d'image")]
    [InlineData("images", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"2\" height=\"2\"/></svg>", "Les images SVG ne sont pas acceptées ici")]
    [InlineData("images,svg", "ceci n'est pas une image", "Type de fichier non accepté")]
    public async Task A_refused_script_upload_answers_the_French_reason_with_a_400(string kinds, string content, string reason)
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();

        using var response = await PostAsJsonClientAsync(browser, name + ".png", Encoding.UTF8.GetBytes(content), "Une image", kinds);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(app.MediaFolder("Bourgogne"), name + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_script_upload_far_over_the_limit_gets_a_json_413()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var huge = new byte[MediaAppFactory.MaxUploadBytes + (2 * 1024 * 1024)];
        Image(40, 30).CopyTo(huge, 0);

        using var response = await PostAsJsonClientAsync(browser, UniqueName() + ".jpg", huge, "Grande photo", "images");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("trop volumineux", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_files_posted_together_without_scripts_are_each_stored_or_explained()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        using var response = await browser.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/upload",
            [new("folder", ""), new("alt", "Affiche de la rencontre")],
            [
                new FormFile("file", name + "-a.jpg", Image(40, 30)),
                new FormFile("file", name + "-b.png", Image(40, 30, ".png")),
                new FormFile("file", name + "-c.jpg", Encoding.UTF8.GetBytes("pas une image")),
            ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await browser.GetPageAsync(response.Headers.Location!.OriginalString));
        Assert.Contains($"2 fichiers ajoutés à la médiathèque : {name}-a.jpg, {name}-b.png.", page, StringComparison.Ordinal);
        Assert.Contains($"« {name}-c.jpg » : Type de fichier non accepté", page, StringComparison.Ordinal);
        await using var scope = app.Scope("Bourgogne");
        var library = scope.ServiceProvider.GetRequiredService<IMediaLibrary>();
        Assert.Equal("Affiche de la rencontre", (await library.GetAsync(name + "-b.png", CancellationToken.None))!.Alt);
    }

    [Fact]
    public async Task The_picker_lists_sub_folders_and_keeps_only_the_kinds_asked_for()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var folder = UniqueName();
        using (var created = await browser.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/folders", [new("parent", ""), new("name", folder)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        await UploadAsync(app, browser, "Bourgogne", "photo.jpg", Image(40, 30), folder: folder);
        await UploadAsync(app, browser, "Bourgogne", "logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 2\"><rect width=\"4\" height=\"2\"/></svg>"), folder: folder);
        await UploadAsync(app, browser, "Bourgogne", "rapport.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF"), alt: null, folder: folder);

        using var root = JsonDocument.Parse(await browser.GetPageAsync("/bourgogne/admin/media/picker?q=&page=1"));
        Assert.Contains(root.RootElement.GetProperty("folders").EnumerateArray(), f => f.GetProperty("path").GetString() == folder);

        using var images = JsonDocument.Parse(await browser.GetPageAsync($"/bourgogne/admin/media/picker?folder={folder}&kinds=images"));
        Assert.Equal(["photo.jpg"], images.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        using var logos = JsonDocument.Parse(await browser.GetPageAsync($"/bourgogne/admin/media/picker?folder={folder}&kinds=images,svg"));
        var names = logos.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["logo.svg", "photo.jpg"], names);
        var svg = logos.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "logo.svg");
        Assert.Equal($"/bourgogne/media/{folder}/logo.svg?w=160", svg.GetProperty("thumb").GetString());

        using var all = JsonDocument.Parse(await browser.GetPageAsync($"/bourgogne/admin/media/picker?folder={folder}"));
        Assert.Equal(3, all.RootElement.GetProperty("total").GetInt32());
    }

    /// <summary>What media-admin.js and editor-media.js send: the upload form's own token, one file, Accept: application/json.</summary>
    private static async Task<HttpResponseMessage> PostAsJsonClientAsync(Users.TestBrowser browser, string fileName, byte[] content, string alt, string kinds)
    {
        var form = HtmlForm.Find(await browser.GetPageAsync("/bourgogne/admin/media"), "/bourgogne/admin/media", "/bourgogne/admin/media/upload");
        return await browser.SubmitAsync(form, [new("folder", ""), new("alt", alt), new("kinds", kinds)], [new FormFile("file", fileName, content)], "application/json");
    }
}

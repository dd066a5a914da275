using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Services;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using static RallyNov.Integration.Tests.Media.MediaTestSupport;

namespace RallyNov.Integration.Tests.Media;

[Collection(MediaAppGroup.Name)]
public sealed class MediaLibraryAdminTests(MediaAppFactory app)
{
    [Fact]
    public async Task Deleting_a_medium_used_by_content_lists_the_items_and_needs_confirmation()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(60, 40));
        var path = name + ".jpg";
        var title = "Actualité illustrée " + name;
        var itemId = await SaveNewsAsync("Bourgogne", title, path);

        using var warning = await browser.SubmitAsync("/bourgogne/admin/media/delete?path=" + Uri.EscapeDataString(path), "/bourgogne/admin/media/delete", []);
        Assert.Equal(HttpStatusCode.OK, warning.StatusCode);
        var page = WebUtility.HtmlDecode(await warning.Content.ReadAsStringAsync());
        Assert.Contains("encore utilisé par 1 contenu", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/bourgogne/admin/contents/{itemId}/edit\">{title}</a>", page, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.MediaFolder("Bourgogne"), path)));

        using var confirmed = await browser.SubmitAsync("/bourgogne/admin/media/delete?path=" + Uri.EscapeDataString(path), "/bourgogne/admin/media/delete", [new("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(File.Exists(Path.Combine(app.MediaFolder("Bourgogne"), path)));
        using var client = app.Client();
        using var gone = await client.GetAsync("/bourgogne/media/" + path);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Uploading_editing_and_deleting_a_medium_are_recorded_in_the_audit_trail()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var path = UniqueName() + ".jpg";
        await UploadAsync(app, browser, "Bourgogne", path, Image(60, 40));
        var form = "/bourgogne/admin/media/edit?path=" + path;
        using (var saved = await browser.SubmitAsync(form, "/bourgogne/admin/media/edit", [new("path", path), new("alt", "Le marché couvert")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var deleted = await browser.SubmitAsync("/bourgogne/admin/media/delete?path=" + Uri.EscapeDataString(path), "/bourgogne/admin/media/delete", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        await using var scope = app.Scope("Bourgogne");
        var entries = (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Item = path }, default)).Items;
        Assert.Equal([AuditActions.MediaDeleted, AuditActions.MediaUpdated, AuditActions.MediaUploaded], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("admin", e.UserName));
        Assert.All(entries, e => Assert.Equal(AuditCategories.Media, e.Category));
        Assert.StartsWith("image/jpeg, ", entries[2].Details, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal(path, e.ItemTitle)); // the file name: the medium is at the root
        Assert.Equal("Texte alternatif : Le marché couvert", entries[1].Details);
    }

    [Fact]
    public async Task Unused_medium_is_deleted_at_once()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(60, 40));
        using var confirm = await browser.GetAsync("/bourgogne/admin/media/delete?path=" + name + ".jpg");
        Assert.Contains("Aucun contenu n'utilise ce média", WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var response = await browser.SubmitAsync("/bourgogne/admin/media/delete?path=" + name + ".jpg", "/bourgogne/admin/media/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(app.MediaFolder("Bourgogne"), name + ".jpg")));
    }

    [Fact]
    public async Task File_uploaded_in_one_tenant_is_not_served_by_another()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(60, 40));
        using var client = app.Client();
        using var own = await client.GetAsync("/bourgogne/media/" + name + ".jpg");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var other = await client.GetAsync("/franche-comte/media/" + name + ".jpg");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var portal = await client.GetAsync("/media/" + name + ".jpg");
        Assert.Equal(HttpStatusCode.NotFound, portal.StatusCode);

        using var otherAdmin = await SignedInAsync(app, "FrancheComte");
        var picker = await otherAdmin.GetPageAsync("/franche-comte/admin/media/picker?q=" + name);
        Assert.Equal(0, JsonNode.Parse(picker)!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Folders_can_be_created_browsed_and_deleted_when_empty()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var folder = UniqueName();
        using var created = await browser.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/folders", [new("parent", ""), new("name", folder)]);
        Assert.Equal("/bourgogne/admin/media?folder=" + folder, created.Headers.Location!.OriginalString);
        await UploadAsync(app, browser, "Bourgogne", "dans le dossier.jpg", Image(60, 40), folder: folder);
        var listing = WebUtility.HtmlDecode(await browser.GetPageAsync("/bourgogne/admin/media?folder=" + folder));
        Assert.Contains("dans-le-dossier.jpg", listing, StringComparison.Ordinal);

        using var refused = await browser.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/folders/delete", [new("folder", folder)]);
        Assert.Contains("n'est pas vide", WebUtility.HtmlDecode(await browser.GetPageAsync(refused.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(app.MediaFolder("Bourgogne"), folder)));

        (await browser.SubmitAsync("/bourgogne/admin/media/delete?path=" + Uri.EscapeDataString(folder + "/dans-le-dossier.jpg"), "/bourgogne/admin/media/delete", [])).Dispose();
        using var deleted = await browser.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/folders/delete", [new("folder", folder)]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.MediaFolder("Bourgogne"), folder)));
    }

    [Fact]
    public async Task Alt_text_can_be_edited_but_not_emptied()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(60, 40));
        var form = "/bourgogne/admin/media/edit?path=" + name + ".jpg";
        using var empty = await browser.SubmitAsync(form, "/bourgogne/admin/media/edit", [new("path", name + ".jpg"), new("alt", " ")]);
        Assert.Contains("Le texte alternatif est obligatoire", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var saved = await browser.SubmitAsync(form, "/bourgogne/admin/media/edit", [new("path", name + ".jpg"), new("alt", "Nouvelle description")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var picker = JsonNode.Parse(await browser.GetPageAsync("/bourgogne/admin/media/picker?q=" + name))!;
        Assert.Equal("Nouvelle description", picker["items"]![0]!["alt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Library_page_is_in_the_menu_for_editors_with_its_stylesheet()
    {
        var editor = await app.CreateUserAsync("Bourgogne", "Editor");
        using var browser = await SignedInAsync(app, "Bourgogne", editor);
        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/bourgogne/admin/media"));
        Assert.Contains("href=\"/bourgogne/admin/media\"", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Médiathèque</h1>", page, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        using var client = app.Client();
        using var css = await client.GetAsync("/bourgogne/_content/RallyNov.Media/media-admin.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);

        var contributor = await app.CreateUserAsync("Bourgogne", "Contributor");
        using var other = await SignedInAsync(app, "Bourgogne", contributor);
        Assert.DoesNotContain("href=\"/bourgogne/admin/media\"", await other.GetPageAsync("/bourgogne/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picker_returns_json_with_tenant_prefixed_urls()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var folder = UniqueName();
        await browser.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/folders", [new("parent", ""), new("name", folder)]);
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(60, 40), alt: "Vue du marché", folder: folder);

        var json = JsonNode.Parse(await browser.GetPageAsync("/bourgogne/admin/media/picker?q=" + name + "&folder=" + folder + "&page=1"))!;
        Assert.Equal(1, json["total"]!.GetValue<int>());
        Assert.Equal(1, json["page"]!.GetValue<int>());
        var item = json["items"]![0]!;
        Assert.Equal(folder + "/" + name + ".jpg", item["path"]!.GetValue<string>());
        Assert.Equal("/bourgogne/media/" + folder + "/" + name + ".jpg", item["url"]!.GetValue<string>());
        Assert.Equal(name + ".jpg", item["name"]!.GetValue<string>());
        Assert.True(item["isImage"]!.GetValue<bool>());
        Assert.Equal("Vue du marché", item["alt"]!.GetValue<string>());

        var contributor = await app.CreateUserAsync("Bourgogne", "Contributor");
        using var reader = await SignedInAsync(app, "Bourgogne", contributor);
        using var allowed = await reader.GetAsync("/bourgogne/admin/media/picker?q=" + name);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Images_inserted_in_rich_text_count_as_uses_of_their_file()
    {
        var name = UniqueName();
        await using var scope = app.Scope("Bourgogne");
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var page = contents.New("Page");
        page.Set("Title", "Page illustrée " + name);
        page.Set("Body", $"<p>Texte</p><img src=\"/bourgogne/media/{name}.jpg?w=768\" srcset=\"/bourgogne/media/{name}.jpg?w=480 480w\" alt=\"Photo\"><img src=\"/bourgogne/media/{name}-logo.svg\" alt=\"Logo\">");
        page.Owner = page.Author = "admin";
        Assert.True((await contents.SaveDraftAsync(page, CancellationToken.None)).Succeeded);
        var usages = scope.ServiceProvider.GetRequiredService<RallyNov.Media.Services.IMediaUsageFinder>();

        Assert.Equal(["Page illustrée " + name], (await usages.FindAsync(name + ".jpg", CancellationToken.None)).Select(u => u.DisplayText));
        Assert.Equal(["Page illustrée " + name], (await usages.FindAsync(name + "-logo.svg", CancellationToken.None)).Select(u => u.DisplayText));
        Assert.Empty(await usages.FindAsync(name + ".png", CancellationToken.None));
        Assert.Empty(await usages.FindAsync("dossier/" + name + ".jpg", CancellationToken.None));
    }

    private async Task<string> SaveNewsAsync(string tenant, string title, string mediaPath)
    {
        await using var scope = app.Scope(tenant);
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = contents.New("News");
        item.Set("Title", title);
        item.Set("Image", new JsonObject { ["path"] = mediaPath, ["alt"] = "Illustration" });
        item.Owner = "admin";
        item.Author = "admin";
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!.ContentItemId;
    }
}

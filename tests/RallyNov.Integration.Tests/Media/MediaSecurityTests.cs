using System.Net;
using RallyNov.Integration.Tests.Users;
using static RallyNov.Integration.Tests.Media.MediaTestSupport;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Media;

[Collection(MediaAppGroup.Name)]
public sealed class MediaSecurityTests(MediaAppFactory app)
{
    [Theory]
    [InlineData("../Franche-Comte")]
    [InlineData("..\\..")]
    [InlineData("/etc")]
    [InlineData("%2e%2e")]
    public async Task Upload_into_a_traversal_folder_is_refused(string folder)
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var (_, page) = await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(40, 30), folder: folder);
        Assert.Contains("Dossier invalide", page, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(app.DataPath, name + "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../../{0}.jpg")]
    [InlineData("..\\..\\{0}.jpg")]
    [InlineData("/tmp/{0}.jpg")]
    [InlineData("%2e%2e%2f{0}.jpg")]
    public async Task Traversal_in_the_file_name_stays_inside_the_media_folder(string pattern)
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, name), Image(40, 30));
        var stored = Assert.Single(Directory.EnumerateFiles(app.DataPath, "*" + name + "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), "*" + name + "*"));
        Assert.Equal(app.MediaFolder("Bourgogne"), Path.GetDirectoryName(stored));
    }

    [Theory]
    [InlineData("/bourgogne/media/../content.db")]
    [InlineData("/bourgogne/media/%2e%2e/content.db")]
    [InlineData("/bourgogne/media/..%2fcontent.db")]
    [InlineData("/bourgogne/media/..%5ccontent.db")]
    [InlineData("/bourgogne/media/%252e%252e/content.db")]
    [InlineData("/bourgogne/media/..%2f..%2fFrancheComte%2fcontent.db")]
    [InlineData("/bourgogne/media//etc/passwd")]
    public async Task Serving_never_leaves_the_media_folder(string url)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("SQLite format", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../content.db")]
    [InlineData("..\\content.db")]
    [InlineData("%2e%2e/content.db")]
    public async Task Delete_and_edit_refuse_traversal_paths(string path)
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var target = Path.Combine(app.DataPath, "Sites", "Bourgogne", "content.db");
        if (TestDatabase.IsPostgres && !File.Exists(target))
        {
            // No database file beside the media on PostgreSQL: a stand-in the traversal must not reach either.
            await File.WriteAllTextAsync(target, "stand-in");
        }

        // Forged: no page offers to delete such a path.
        using var delete = await browser.ForgedPostAsync("/bourgogne/admin/media", "/bourgogne/admin/media/delete", [new("path", path), new("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        using var edit = await browser.GetAsync("/bourgogne/admin/media/edit?path=" + Uri.EscapeDataString(path));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task Folder_names_are_normalised_and_stay_inside()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        using var response = await browser.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/folders", [new("parent", ""), new("name", "../" + name + " Été")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(Directory.Exists(Path.Combine(app.MediaFolder("Bourgogne"), name + "-ete")));
        using var refused = await browser.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/folders", [new("parent", ".."), new("name", name)]);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "Sites", name)));
    }

    [Fact]
    public async Task Contributor_without_manage_media_is_forbidden()
    {
        var contributor = await app.CreateUserAsync("Bourgogne", "Contributor");
        using var browser = await SignedInAsync(app, "Bourgogne", contributor);
        using var index = await browser.GetAsync("/bourgogne/admin/media");
        Assert.Equal(HttpStatusCode.Forbidden, index.StatusCode);
        using var edit = await browser.GetAsync("/bourgogne/admin/media/edit?path=x.jpg");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using var delete = await browser.ForgedPostAsync("/bourgogne/admin", "/bourgogne/admin/media/folders", [new("parent", ""), new("name", "interdit")]);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.MediaFolder("Bourgogne"), "interdit")));
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = app.Client();
        using var response = await client.GetAsync("/bourgogne/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/bourgogne/admin/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

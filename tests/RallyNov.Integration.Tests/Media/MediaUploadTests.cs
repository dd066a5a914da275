using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Media.Services;
using static RallyNov.Integration.Tests.Media.MediaTestSupport;

namespace RallyNov.Integration.Tests.Media;

[Collection(MediaAppGroup.Name)]
public sealed class MediaUploadTests(MediaAppFactory app)
{
    [Fact]
    public async Task Uploaded_image_is_served_under_media_with_cache_headers_and_revalidates_with_304()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var (response, page) = await UploadAsync(app, browser, "Bourgogne", "Photo Été " + name + ".JPG", Image(800, 600));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = "photo-ete-" + name + ".jpg";
        Assert.Contains($"« {stored} » a été ajouté", page, StringComparison.Ordinal);

        await using (var scope = app.Scope("Bourgogne"))
        {
            var file = await scope.ServiceProvider.GetRequiredService<IMediaLibrary>().GetAsync(stored, CancellationToken.None);
            Assert.NotNull(file);
            Assert.Equal((800, 600), (file.Width, file.Height));
            Assert.Equal("image/jpeg", file.ContentType);
            Assert.Equal("admin", file.UploadedBy);
            Assert.Equal("Une image de test", file.Alt);
        }

        using var client = app.Client();
        using var served = await client.GetAsync("/bourgogne/media/" + stored);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.True(served.Headers.CacheControl?.Public);
        Assert.True(served.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        Assert.NotNull(served.Content.Headers.LastModified);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        var etag = served.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal((800, 600), SizeOf(await served.Content.ReadAsByteArrayAsync()));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/bourgogne/media/" + stored);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, "/bourgogne/media/" + stored);
        otherTag.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"autre\""));
        using var full = await client.SendAsync(otherTag);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/bourgogne/media/" + stored));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Same_name_twice_gets_a_numbered_name()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(40, 30));
        var (_, page) = await UploadAsync(app, browser, "Bourgogne", name + ".jpeg", Image(40, 30));
        Assert.Contains($"« {name}-2.jpg » a été ajouté", page, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.MediaFolder("Bourgogne"), name + "-2.jpg")));
    }

    [Theory]
    [InlineData("<?php system($_GET['c']); ?>")]
    [InlineData("<html><body><script>alert(document.cookie)</script></body></html>")]
    public async Task Script_renamed_jpg_is_refused_with_a_french_message(string content)
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var (_, page) = await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Encoding.UTF8.GetBytes(content));
        Assert.Contains("Type de fichier non accepté", page, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(app.MediaFolder("Bourgogne"), name + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Svg_with_a_script_is_cleaned_stored_and_served_with_a_sandboxing_policy()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        const string hostile = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"60\" onload=\"alert(1)\"><script>alert(document.cookie)</script>"
            + "<rect width=\"120\" height=\"60\" fill=\"#00609c\"/><use href=\"https://evil.example/x.svg#a\"/></svg>";
        var (_, page) = await UploadAsync(app, browser, "Bourgogne", name + ".svg", Encoding.UTF8.GetBytes(hostile), alt: "Logo de l'association");

        Assert.Contains($"« {name}.svg » a été ajouté", page, StringComparison.Ordinal);
        Assert.Contains("nettoyé", page, StringComparison.Ordinal);
        Assert.Contains("1 script", page, StringComparison.Ordinal);
        var stored = await File.ReadAllTextAsync(Path.Combine(app.MediaFolder("Bourgogne"), name + ".svg"));
        Assert.DoesNotContain("script", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("onload", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", stored, StringComparison.Ordinal);
        Assert.Contains("<rect", stored, StringComparison.Ordinal);

        using var client = app.Client();
        using var served = await client.GetAsync("/bourgogne/media/" + name + ".svg");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());

        // The admin list's thumbnail: the drawing rendered as a PNG 160 px wide (larger than the SVG itself).
        using var thumb = await client.GetAsync("/bourgogne/media/" + name + ".svg?w=160");
        Assert.Equal("image/png", thumb.Content.Headers.ContentType?.MediaType);
        Assert.Equal((160, 80), SizeOf(await thumb.Content.ReadAsByteArrayAsync()));
        // The PNG thumbnail gets the pages' policy, not the SVG's sandbox.
        Assert.DoesNotContain("sandbox", string.Join(", ", thumb.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        await using var scope = app.Scope("Bourgogne");
        var file = await scope.ServiceProvider.GetRequiredService<IMediaLibrary>().GetAsync(name + ".svg", CancellationToken.None);
        Assert.Equal("image/svg+xml", file!.ContentType);
        Assert.Equal((120, 60), (file.Width, file.Height));
        Assert.Equal(stored.Length, file.Length);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "il ne reste rien à dessiner")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\">", "mal formé")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>", "entités XML")]
    public async Task Svg_that_cannot_be_made_safe_is_refused_in_French(string svg, string reason)
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var (_, page) = await UploadAsync(app, browser, "Bourgogne", name + ".svg", Encoding.UTF8.GetBytes(svg));
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(app.MediaFolder("Bourgogne"), name + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task File_over_the_configured_limit_is_refused_with_a_french_message()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var big = new byte[MediaAppFactory.MaxUploadBytes + 50_000];
        Image(40, 30).CopyTo(big, 0);
        var (_, page) = await UploadAsync(app, browser, "Bourgogne", name + ".jpg", big);
        Assert.Contains("Le fichier est trop volumineux", page, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(app.MediaFolder("Bourgogne"), name + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Request_far_over_the_limit_is_sent_back_before_reading_it()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var huge = new byte[MediaAppFactory.MaxUploadBytes + (2 * 1024 * 1024)];
        Image(40, 30).CopyTo(huge, 0);
        var (response, page) = await UploadAsync(app, browser, "Bourgogne", name + ".jpg", huge);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Le fichier est trop volumineux", page, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(app.MediaFolder("Bourgogne"), name + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Image_without_alt_text_is_refused()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var (_, page) = await UploadAsync(app, browser, "Bourgogne", name + ".png", Image(40, 30, ".png"), alt: "  ");
        Assert.Contains("Le texte alternatif est obligatoire", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_is_served_inline_without_alt_text()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        var (_, page) = await UploadAsync(app, browser, "Bourgogne", name + ".pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"), alt: null);
        Assert.Contains($"« {name}.pdf » a été ajouté", page, StringComparison.Ordinal);
        using var client = app.Client();
        using var served = await client.GetAsync("/bourgogne/media/" + name + ".pdf");
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
    }
}

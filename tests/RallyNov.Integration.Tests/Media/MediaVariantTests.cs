using System.Net;
using System.Net.Http.Headers;
using static RallyNov.Integration.Tests.Media.MediaTestSupport;

namespace RallyNov.Integration.Tests.Media;

[Collection(MediaAppGroup.Name)]
public sealed class MediaVariantTests(MediaAppFactory app)
{
    [Fact]
    public async Task Width_320_returns_a_smaller_webp_made_once_then_read_from_the_cache()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(1200, 900));

        using var client = app.Client();
        using var first = await GetAsync(client, "/bourgogne/media/" + name + ".jpg?w=320", "image/avif,image/webp,*/*");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/webp", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", first.Headers.Vary);
        Assert.Equal((320, 240), SizeOf(await first.Content.ReadAsByteArrayAsync()));

        var cached = Path.Combine(app.CacheFolder("Bourgogne"), "320", name + ".jpg.webp");
        Assert.True(File.Exists(cached));
        // Replace the cached variant by another image: if the second answer is that image, it came from the cache.
        await File.WriteAllBytesAsync(cached, Image(320, 100, ".webp"));

        using var second = await GetAsync(client, "/bourgogne/media/" + name + ".jpg?w=320", "image/webp");
        Assert.Equal((320, 100), SizeOf(await second.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Without_webp_in_accept_the_variant_keeps_the_original_format_and_odd_widths_snap()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", name + ".png", Image(1000, 500, ".png"));

        using var client = app.Client();
        using var response = await GetAsync(client, "/bourgogne/media/" + name + ".png?w=300", "image/png,*/*");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((320, 160), SizeOf(await response.Content.ReadAsByteArrayAsync()));
        Assert.NotNull(response.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/bourgogne/media/" + name + ".png?w=300");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Small_original_is_never_enlarged()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", Image(100, 50));
        using var client = app.Client();
        using var response = await GetAsync(client, "/bourgogne/media/" + name + ".jpg?w=1600", "image/jpeg");
        Assert.Equal((100, 50), SizeOf(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task When_the_image_library_fails_the_original_is_served()
    {
        using var browser = await SignedInAsync(app, "Bourgogne");
        var name = UniqueName();
        // A JPEG signature followed by garbage passes the type check but libvips cannot decode it.
        byte[] broken = [0xFF, 0xD8, 0xFF, 0xE0, .. System.Text.Encoding.ASCII.GetBytes("pas vraiment une image " + name)];
        await UploadAsync(app, browser, "Bourgogne", name + ".jpg", broken);

        using var client = app.Client();
        using var response = await GetAsync(client, "/bourgogne/media/" + name + ".jpg?w=320", "image/webp");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(broken, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }
}

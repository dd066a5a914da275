using System.Net;
using NetVips;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Media;

/// <summary>Signs in, builds test images and uploads them through the media library's own form.</summary>
internal static class MediaTestSupport
{
    public static string Prefix(string tenant) => tenant switch { "Bourgogne" => "/bourgogne", "FrancheComte" => "/franche-comte", _ => "" };

    public static async Task<TestBrowser> SignedInAsync(MediaAppFactory app, string tenant, string? user = null)
    {
        var browser = app.Browser();
        using var login = await browser.LoginAsync(Prefix(tenant), user ?? "admin", user is null ? MediaAppFactory.AdminPassword : MediaAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    /// <summary>A real JPEG (or PNG) of the given size, made with libvips.</summary>
    public static byte[] Image(int width, int height, string format = ".jpg")
    {
        using var image = NetVips.Image.Black(width, height, bands: 3).Linear(new double[] { 1, 1, 1 }, new double[] { 40, 120, 200 }).Cast(Enums.BandFormat.Uchar);
        return image.WriteToBuffer(format);
    }

    public static (int Width, int Height) SizeOf(byte[] bytes)
    {
        using var image = NetVips.Image.NewFromBuffer(bytes);
        return (image.Width, image.Height);
    }

    /// <summary>Submits the media library's upload form with one file; returns the answer and the page shown after it (the flash message).</summary>
    public static async Task<(HttpResponseMessage Response, string Page)> UploadAsync(
        MediaAppFactory app, TestBrowser browser, string tenant, string fileName, byte[] content, string? alt = "Une image de test", string folder = "")
    {
        var prefix = Prefix(tenant);
        var fields = new List<KeyValuePair<string, string>> { new("folder", folder) };
        if (alt is not null)
        {
            fields.Add(new("alt", alt));
        }

        var response = await browser.SubmitAsync(prefix + "/admin/media", prefix + "/admin/media/upload", fields, [new FormFile("file", fileName, content)]);
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await browser.GetPageAsync(response.Headers.Location!.OriginalString)
            : await response.Content.ReadAsStringAsync();
        return (response, WebUtility.HtmlDecode(page));
    }

    public static string UniqueName() => "essai-" + Guid.NewGuid().ToString("N")[..10];
}

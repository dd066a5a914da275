using System.Net;
using NetVips;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Media;

/// <summary>Signs in, builds test images and posts multipart uploads with the session's cookies and antiforgery token.</summary>
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

    /// <summary>Posts one file to /admin/media/upload; returns the redirect and the flash message shown after it.</summary>
    public static async Task<(HttpResponseMessage Response, string Page)> UploadAsync(
        MediaAppFactory app, TestBrowser browser, string tenant, string fileName, byte[] content, string? alt = "Une image de test", string folder = "")
    {
        var prefix = Prefix(tenant);
        var token = TestBrowser.Token(await browser.GetPageAsync(prefix + "/admin/media"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(folder), "folder" },
            { new ByteArrayContent(content), "file", fileName },
        };
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }

        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, prefix + "/admin/media/upload") { Content = form };
        request.Headers.Add("Cookie", string.Join("; ", browser.Cookies.Select(c => c.Key + "=" + c.Value)));
        var response = await client.SendAsync(request);
        // Keep the TempData cookie so the next page shows the message.
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var pair in cookies.Select(c => c.Split(';')[0]))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                browser.Cookies[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await browser.GetPageAsync(response.Headers.Location!.OriginalString)
            : await response.Content.ReadAsStringAsync();
        return (response, WebUtility.HtmlDecode(page));
    }

    public static string UniqueName() => "essai-" + Guid.NewGuid().ToString("N")[..10];
}

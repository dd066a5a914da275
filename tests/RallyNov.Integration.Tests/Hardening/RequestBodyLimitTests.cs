using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// On the real server (Kestrel, which enforces body limits and minimum data rates): a body over
/// its limit answers 413 and one arriving too slowly 408, each with the tenant's French page —
/// not the "page introuvable" they used to get.
/// </summary>
public sealed class RequestBodyLimitTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    private readonly Uri _base = site.BaseAddress;

    [Theory]
    [InlineData("/bourgogne/admin/login", 64 * 1024)] // the sign-in form takes 32 KB
    [InlineData("/bourgogne/admin/login", 40 * 1024 * 1024)] // over every limit of the server
    [InlineData("/bourgogne/recherche", 5 * 1024 * 1024)] // a page that takes no form at all
    public async Task An_oversized_body_gets_a_french_413(string path, int size)
    {
        using var client = new HttpClient { BaseAddress = _base };
        var (token, cookie) = await FormTokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent("__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&UserName=" + new string('a', size), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Cookie", cookie);

        // As browsers and proxies do for large bodies: the server may refuse before a byte is sent.
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        var html = Html.Decoded(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.MethodNotAllowed, $"{(int)response.StatusCode}: {Html.FirstText(html, "h1")}");
        Assert.NotEqual("Page introuvable", Html.FirstText(html, "h1"));
        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            Assert.Equal("Envoi trop volumineux", Html.FirstText(html, "h1"));
        }
    }

    [Fact]
    public async Task A_body_arriving_too_slowly_gets_a_french_408()
    {
        using var client = new HttpClient { BaseAddress = _base };
        var (token, cookie) = await FormTokenAsync(client);
        using var socket = new TcpClient();
        await socket.ConnectAsync(_base.Host, _base.Port);
        var stream = socket.GetStream();
        var start = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&UserName=";
        var head = $"POST /bourgogne/admin/login HTTP/1.1\r\nHost: {_base.Authority}\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000\r\n\r\n{start}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // One byte a second: far below the minimum data rate, a slowloris holding the connection.
        var received = new StringBuilder();
        var buffer = new byte[8192];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !received.ToString().Contains("</html>", StringComparison.Ordinal))
        {
            try
            {
                await stream.WriteAsync("a"u8.ToArray());
            }
            catch (IOException)
            {
                break; // the server closed its side after answering
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                var read = await stream.ReadAsync(buffer, wait.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            catch (OperationCanceledException)
            {
            }
        }

        var answer = received.ToString();
        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Equal("Délai dépassé", Html.FirstText(Html.Decoded(answer), "h1"));
    }

    /// <summary>The sign-in page's antiforgery token and cookie, as a browser holds them.</summary>
    private static async Task<(string Token, string Cookie)> FormTokenAsync(HttpClient client)
    {
        using var page = await client.GetAsync(new Uri("/bourgogne/admin/login", UriKind.Relative));
        var token = HtmlForm.Find(await page.Content.ReadAsStringAsync(), "/bourgogne/admin/login", "/bourgogne/admin/login").Token!;
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (token, cookie);
    }
}

/// <summary>The site on Kestrel, on a free loopback port, for the tests of one class.</summary>
public sealed class KestrelSite : IAsyncLifetime, IDisposable
{
    private RallyNovFactory? _site;
    private string? _dataPath;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dataPath = await SiteTemplate.CopyAsync();
        _site = new RallyNovFactory(_dataPath);
        _site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
        BaseAddress = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        RallyNovFactory.DeleteDataPath(_dataPath!);
    }

    public void Dispose() => _site?.Dispose();
}

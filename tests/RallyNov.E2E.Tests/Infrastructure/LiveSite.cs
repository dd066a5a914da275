using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RallyNov.E2E.Tests.Infrastructure;

/// <summary>
/// The real site on Kestrel, on a free loopback port, with its own temp data folder: the browser
/// needs a real socket, and each test its own data.
/// </summary>
public sealed class LiveSite : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    private LiveSite(IReadOnlyDictionary<string, string>? settings)
    {
        _settings = settings ?? new Dictionary<string, string>();
        DataPath = Path.Combine(Path.GetTempPath(), "rallynov-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataPath { get; }

    /// <summary>"http://127.0.0.1:port" (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public static LiveSite Start() => Start(null);

    /// <param name="settings">Extra configuration, e.g. the SMTP settings of a test's mail sink.</param>
    public static LiveSite Start(IReadOnlyDictionary<string, string>? settings)
    {
        var site = new LiveSite(settings);
        site.StartServer();
        var addresses = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        site.BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        site.WaitForHealth();
        return site;
    }

    /// <summary>As a load balancer would: no page is opened before /health says the site is ready (search indexes built).</summary>
    private void WaitForHealth()
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var response = client.GetAsync(new Uri(Url("/health"))).GetAwaiter().GetResult();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Thread.Sleep(50);
        }
    }

    public string Url(string path) => BaseUrl + path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RallyNov:DataPath", DataPath);
        builder.UseSetting("RallyNov:Setup:AdminPassword", "Essai-E2E-2026!");

        // Every browser test comes from 127.0.0.1 and signs in many times a minute; the per-address
        // limits have their own tests (Integration.Tests/Hardening). A test's settings may turn them on.
        builder.UseSetting("RallyNov:RateLimits:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

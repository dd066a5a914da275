using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// One node of a cluster: the whole site in-process with its own data folder (its own search
/// indexes and, without Redis, its own data-protection keys), on the cluster's PostgreSQL database
/// and, when given, its Redis.
/// </summary>
public sealed class ClusterNode(string dataPath, string connectionString, string? redis, string keyPrefix, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Essai-Cluster-2026!";

    public string DataPath { get; } = dataPath;

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public TestBrowser Browser() => new(Client());

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        Readiness.WaitForHealth(host);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddressStartupFilter>());
        builder.UseSetting("RallyNov:DataPath", DataPath);
        builder.UseSetting("RallyNov:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("RallyNov:Database:Provider", "Postgres");
        builder.UseSetting("RallyNov:Database:ConnectionString", connectionString);
        builder.UseSetting("RallyNov:RateLimits:Enabled", "false");
        if (redis is not null)
        {
            builder.UseSetting("RallyNov:Redis:Configuration", redis);
            builder.UseSetting("RallyNov:Redis:KeyPrefix", keyPrefix);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}

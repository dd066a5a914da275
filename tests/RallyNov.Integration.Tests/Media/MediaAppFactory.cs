using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Users;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Media;

/// <summary>The whole site on a fresh temp data folder, with a small upload limit so "too large" is cheap to test.</summary>
public sealed class MediaAppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Passw0rd-Media";
    public const string UserPassword = "User-Passw0rd-Media";
    public const long MaxUploadBytes = 200_000;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "rallynov-media-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RallyNov:DataPath", DataPath);
        builder.UseSetting("RallyNov:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("RallyNov:Media:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public TestBrowser Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public string MediaFolder(string tenant) => Path.Combine(DataPath, "Sites", tenant, "Media");

    public string CacheFolder(string tenant) => Path.Combine(DataPath, "Sites", tenant, "MediaCache");

    public async Task<string> CreateUserAsync(string tenant, string role)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = Scope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<IUserAdministration>()
            .CreateAsync(userName, userName + "@example.org", UserPassword, [role], CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return userName;
    }

    public AsyncServiceScope Scope(string tenant)
    {
        var settings = Services.GetRequiredService<ITenantStore>().Find(tenant) ?? throw new InvalidOperationException("No tenant " + tenant);
        return Services.GetRequiredService<ITenantScopeFactory>().CreateScope(settings);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataPath))
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold a pooled handle; the temp folder is cleaned by the OS.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MediaAppGroup : ICollectionFixture<MediaAppFactory>
{
    public const string Name = "Media app";
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// The whole site in-process on a fresh temporary data folder: three tenants set up from their
/// recipes, each with its administrator. Shared by the users tests (one start-up for all).
/// </summary>
public sealed class UsersAppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Passw0rd-Tests";
    public const string UserPassword = "User-Passw0rd-Tests";

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "rallynov-users-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RallyNov:DataPath", DataPath);
        builder.UseSetting("RallyNov:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // The scheduler passes every second, so a due publication shows up quickly in tests.
        builder.UseSetting("RallyNov:Scheduling:IntervalSeconds", "1");
    }

    public TestBrowser Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    /// <summary>Creates an account straight through the service, in one tenant's database.</summary>
    public async Task<string> CreateUserAsync(string tenant, string role, string? password = null)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = Scope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<IUserAdministration>()
            .CreateAsync(userName, userName + "@example.org", password ?? UserPassword, role.Length == 0 ? [] : [role], CancellationToken.None);
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
public sealed class UsersAppGroup : ICollectionFixture<UsersAppFactory>
{
    public const string Name = "Users app";
}

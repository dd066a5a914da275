using Microsoft.AspNetCore.Hosting;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Users;

/// <summary>The shared site of the users, back-office and workflow tests.</summary>
public sealed class UsersAppFactory() : SharedSiteFactory("rallynov-users")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // The scheduler passes every second, so a due publication shows up quickly in tests.
        builder.UseSetting("RallyNov:Scheduling:IntervalSeconds", "1");
    }
}

[CollectionDefinition(Name)]
public sealed class UsersAppGroup : ICollectionFixture<UsersAppFactory>
{
    public const string Name = "Users app";
}

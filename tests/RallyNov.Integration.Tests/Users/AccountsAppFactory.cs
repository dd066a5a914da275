using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// The shared site of the e-mail tests: SMTP pointed at its own aiosmtpd sink on loopback, and a
/// clock the expiry tests move forward (then back: tests of a collection run one at a time).
/// </summary>
public sealed class AccountsAppFactory : SharedSiteFactory
{
    public AccountsAppFactory()
        : base("rallynov-accounts")
    {
        Sink = SmtpSink.Start();
    }

    public SmtpSink Sink { get; }

    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Sink.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Sink.Dispose();
        }
    }
}

/// <summary>The system clock plus an offset that a test sets and resets.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

[CollectionDefinition(Name)]
public sealed class AccountsAppGroup : ICollectionFixture<AccountsAppFactory>
{
    public const string Name = "Accounts app";
}

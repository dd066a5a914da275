using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Auditing;
using RallyNov.Core.Tests.Support;

namespace RallyNov.Core.Tests.Auditing;

/// <summary>Who and where an audit event is stamped with, depending on the request (or its absence).</summary>
public sealed class AuditEventFactoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Outside_a_request_the_author_is_the_system()
    {
        var e = Factory(null).Create(AuditCategories.Content, AuditActions.ContentPublished, "item-1", "Titre");

        Assert.Equal(IAuditEventFactory.SystemUser, e.UserName);
        Assert.Null(e.IpAddress);
        Assert.Equal(Now.UtcDateTime, e.UtcTime);
        Assert.Equal(("item-1", "Titre"), (e.ItemId, e.ItemTitle));
    }

    [Fact]
    public void A_signed_in_request_gives_the_user_name_and_the_client_address()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "camille")], "Test")) };
        context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:203.0.113.9");

        var e = Factory(context).Create(AuditCategories.Users, AuditActions.UserCreated);

        Assert.Equal("camille", e.UserName);
        Assert.Equal("203.0.113.9", e.IpAddress); // an IPv4-mapped address reads as IPv4
    }

    [Fact]
    public void An_anonymous_request_has_no_author()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("2001:db8::1");

        var e = Factory(context).Create(AuditCategories.Security, AuditActions.LoginFailed, "camille");

        Assert.Null(e.UserName);
        Assert.Equal("2001:db8::1", e.IpAddress);
    }

    [Fact]
    public async Task Without_the_audit_module_the_core_registers_a_trail_that_records_nothing()
    {
        await using var host = new CoreTestHost();
        var tenant = await host.CreateTenantAsync("Alpha");
        await using var scope = host.CreateScope(tenant);

        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        await trail.RecordAsync(new AuditEvent { Category = AuditCategories.Content, Action = AuditActions.ContentSaved }, CancellationToken.None);

        Assert.IsType<NullAuditTrail>(trail);
    }

    private static AuditEventFactory Factory(HttpContext? context) =>
        new(new FixedClock(Now), new HttpContextAccessor { HttpContext = context });

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

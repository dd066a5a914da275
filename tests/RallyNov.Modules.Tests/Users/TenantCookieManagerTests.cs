using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;
using RallyNov.Users.Authentication;

namespace RallyNov.Modules.Tests.Users;

public sealed class TenantCookieManagerTests
{
    private readonly TenantCookieManager _manager = new();

    [Fact]
    public void Writes_the_cookie_under_the_tenant_name_and_path()
    {
        var context = Request(TestTenants.Context("Bourgogne", "/bourgogne"));

        _manager.AppendResponseCookie(context, "Identity.Application", "ticket", new CookieOptions { HttpOnly = true });

        var header = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(".RallyNov.Auth.Bourgogne=ticket", header, StringComparison.Ordinal);
        Assert.Contains("path=/bourgogne", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_root_tenant_uses_the_root_path()
    {
        var context = Request(TestTenants.Context("Default", ""));

        _manager.AppendResponseCookie(context, "Identity.Application", "ticket", new CookieOptions());

        Assert.Contains("path=/", context.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Reads_only_the_cookie_of_the_request_tenant()
    {
        var context = Request(TestTenants.Context("Bourgogne", "/bourgogne"));
        context.Request.Headers.Cookie = ".RallyNov.Auth.FrancheComte=other; Identity.Application=plain";

        Assert.Null(_manager.GetRequestCookie(context, "Identity.Application"));

        context.Request.Headers.Cookie = ".RallyNov.Auth.Bourgogne=mine";
        Assert.Equal("mine", _manager.GetRequestCookie(context, "Identity.Application"));
    }

    [Fact]
    public void Outside_a_tenant_nobody_is_signed_in()
    {
        var context = Request(null);
        context.Request.Headers.Cookie = ".RallyNov.Auth.Default=value";

        Assert.Null(_manager.GetRequestCookie(context, "Identity.Application"));
    }

    private static DefaultHttpContext Request(TenantContext? tenant)
    {
        var services = new ServiceCollection().AddSingleton(TestTenants.Accessor(tenant)).BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services };
    }
}

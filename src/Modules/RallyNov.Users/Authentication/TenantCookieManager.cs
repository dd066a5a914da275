using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;

namespace RallyNov.Users.Authentication;

/// <summary>
/// One cookie scheme serves every tenant; this manager swaps the scheme's cookie name and path for
/// the request tenant's own (<see cref="TenantContext.AuthCookieName"/>, <see cref="TenantContext.CookiePath"/>),
/// so browsers keep one sign-in per tenant and never send it to another tenant's prefix.
/// </summary>
internal sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key)
    {
        // Outside any tenant (host endpoints such as /health) nobody is signed in.
        return TenantOf(context) is { } tenant ? _inner.GetRequestCookie(context, tenant.AuthCookieName) : null;
    }

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        var tenant = RequiredTenant(context);
        options.Path = tenant.CookiePath;
        _inner.AppendResponseCookie(context, tenant.AuthCookieName, value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
    {
        var tenant = RequiredTenant(context);
        options.Path = tenant.CookiePath;
        _inner.DeleteCookie(context, tenant.AuthCookieName, options);
    }

    private static TenantContext? TenantOf(HttpContext context) => context.RequestServices.GetService<ITenantAccessor>()?.Current;

    private static TenantContext RequiredTenant(HttpContext context) =>
        TenantOf(context) ?? throw new InvalidOperationException("Sign-in cookies are only written inside a tenant.");
}

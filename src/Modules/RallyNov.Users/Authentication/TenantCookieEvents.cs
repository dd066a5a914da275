using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using RallyNov.Core.Tenants;

namespace RallyNov.Users.Authentication;

/// <summary>
/// Cookie events of the one sign-in scheme: a ticket issued by another tenant is rejected (all
/// tenants share the data-protection keys, so the cookie value alone would decrypt anywhere), the
/// security stamp is checked, and "access denied" is a French 403 page rather than a redirect.
/// </summary>
internal sealed class TenantCookieEvents(ITenantAccessor tenants) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var issuer = context.Principal?.FindFirst(UserClaimTypes.Tenant)?.Value;
        if (tenants.Current is not { } tenant || !string.Equals(issuer, tenant.Name, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        // Disabled accounts, reset passwords and role changes take effect on the next request.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        // The status code pages re-execute /erreur/403: the visitor stays on the URL and sees why.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal);
}

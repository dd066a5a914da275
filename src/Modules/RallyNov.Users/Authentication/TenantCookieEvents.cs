using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;

namespace RallyNov.Users.Authentication;

/// <summary>
/// Cookie events of the one sign-in scheme. On every request: a ticket issued by another tenant is
/// rejected (all tenants share the data-protection keys, so the cookie value alone would decrypt
/// anywhere); the security stamp is checked against the database, so a disabled account or a reset
/// password ends open sessions at once; and the principal is rebuilt with the current roles.
/// "Access denied" is a French 403 page rather than a redirect.
/// </summary>
internal sealed class TenantCookieEvents(ITenantAccessor tenants) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var issuer = context.Principal?.FindFirst(UserClaimTypes.Tenant)?.Value;
        if (tenants.Current is not { } tenant || !string.Equals(issuer, tenant.Name, StringComparison.Ordinal))
        {
            await RejectAsync(context);
            return;
        }

        // Identity's own SecurityStampValidator also signs out the two-factor and external schemes,
        // which this site does not register; the check itself is the same.
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<RallyNovUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || user.IsDisabled)
        {
            await RejectAsync(context);
            return;
        }

        // Fresh roles for this request only; the cookie itself is not rewritten.
        context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
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

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal);
}

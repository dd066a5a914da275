using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;

namespace RallyNov.Users.Authentication;

/// <summary>
/// Identity's principal (id, name, security stamp) plus the role names and the tenant claim.
/// Role claims (the permissions) stay out: permissions are looked up per request, so the cookie stays small
/// and a changed role counts at once.
/// </summary>
internal sealed class TenantClaimsPrincipalFactory(
    UserManager<RallyNovUser> users,
    IOptions<IdentityOptions> options,
    TenantContext tenant) : UserClaimsPrincipalFactory<RallyNovUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RallyNovUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        }

        identity.AddClaim(new Claim(UserClaimTypes.Tenant, tenant.Name));
        return identity;
    }
}

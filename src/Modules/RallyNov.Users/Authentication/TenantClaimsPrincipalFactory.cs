using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;

namespace RallyNov.Users.Authentication;

/// <summary>
/// Identity's principal (id, name, stamp, roles) plus the tenant claim. The same factory rebuilds
/// the principal at each security stamp check, so the claim survives refreshes.
/// </summary>
internal sealed class TenantClaimsPrincipalFactory(
    UserManager<RallyNovUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    TenantContext tenant) : UserClaimsPrincipalFactory<RallyNovUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RallyNovUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserClaimTypes.Tenant, tenant.Name));
        return identity;
    }
}

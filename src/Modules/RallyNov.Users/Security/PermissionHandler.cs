using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;
using RallyNov.Users.Authentication;

namespace RallyNov.Users.Security;

/// <summary>
/// Grants a <see cref="PermissionRequirement"/> when one of the user's roles in this tenant holds
/// the permission (or a broader one). The role claims come from the principal, which the security
/// stamp check rebuilds from the database on every request.
/// </summary>
internal sealed class PermissionHandler(
    IRolePermissionService permissions,
    ITenantAccessor tenants,
    IOptions<IdentityOptions> identity) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || tenants.Current is not { } tenant)
        {
            return;
        }

        // Defence in depth: the cookie events already reject a principal of another tenant.
        if (!string.Equals(user.FindFirst(UserClaimTypes.Tenant)?.Value, tenant.Name, StringComparison.Ordinal))
        {
            return;
        }

        // A portal-only permission (managing the sites) exists nowhere else, whatever the roles say.
        if (!Permissions.ExistsIn(requirement.Permission, tenant.Settings))
        {
            return;
        }

        var roleClaimType = identity.Value.ClaimsIdentity.RoleClaimType;
        var roles = user.FindAll(roleClaimType).Select(c => c.Value);
        var cancellationToken = (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None;
        var granted = await permissions.GetPermissionsAsync(roles, cancellationToken);
        if (granted.Contains(requirement.Permission)
            || (Permissions.ImpliedBy.TryGetValue(requirement.Permission, out var broader) && granted.Contains(broader)))
        {
            context.Succeed(requirement);
        }
    }
}

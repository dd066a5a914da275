using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using RallyNov.Core.Security;

namespace RallyNov.Users.Security;

/// <summary>
/// Builds "Permission:X" policies on demand, so a module protects an action with
/// [RequirePermission(Permissions.X)] without registering a policy per permission.
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (PermissionPolicy.PermissionOf(policyName) is { } permission)
        {
            return _policies.GetOrAdd(policyName, _ => new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission))
                .Build());
        }

        return await base.GetPolicyAsync(policyName);
    }
}

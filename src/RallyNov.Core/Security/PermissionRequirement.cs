using Microsoft.AspNetCore.Authorization;

namespace RallyNov.Core.Security;

/// <summary>
/// "The current user holds this permission in the current tenant". The users module evaluates it;
/// any module can demand it through <see cref="RequirePermissionAttribute"/> or IAuthorizationService.
/// </summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;

    public override string ToString() => "Permission " + Permission;
}

/// <summary>Policy names of the form "Permission:ManageUsers", built on demand by the users module.</summary>
public static class PermissionPolicy
{
    public const string Prefix = "Permission:";

    public static string For(string permission) => Prefix + permission;

    /// <summary>The permission named by a policy, or null when the policy is not a permission policy.</summary>
    public static string? PermissionOf(string policyName) =>
        policyName.StartsWith(Prefix, StringComparison.Ordinal) && policyName.Length > Prefix.Length ? policyName[Prefix.Length..] : null;
}

/// <summary>[RequirePermission(Permissions.ManageUsers)] on a controller or action: checked on the server for every request.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission)
        : base(PermissionPolicy.For(permission))
    {
        Permission = permission;
    }

    public string Permission { get; }
}

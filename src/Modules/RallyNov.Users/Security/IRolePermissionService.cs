namespace RallyNov.Users.Security;

/// <summary>The permissions each role grants in the current tenant (stored as role claims).</summary>
public interface IRolePermissionService
{
    /// <summary>The union of the permissions of the given roles (cached per tenant).</summary>
    Task<IReadOnlySet<string>> GetPermissionsAsync(IEnumerable<string> roleNames, CancellationToken cancellationToken);

    /// <summary>Every role of the tenant with its stored permissions, by role name.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>Creates the role when needed and replaces its permissions. Unknown permissions are refused.</summary>
    Task SetPermissionsAsync(string roleName, IEnumerable<string> permissions, CancellationToken cancellationToken);

    /// <summary>Drops the cached grants of the tenant, e.g. once a transaction that changed roles has committed.</summary>
    void InvalidateCache();

    /// <summary>Creates the built-in roles that are missing, with their default permissions; never changes existing ones.</summary>
    Task EnsureBuiltInRolesAsync(CancellationToken cancellationToken);
}

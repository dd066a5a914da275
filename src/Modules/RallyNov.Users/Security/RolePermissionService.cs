using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RallyNov.Core.Cluster;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;

namespace RallyNov.Users.Security;

internal sealed class RolePermissionService(
    UsersDbContext db,
    RoleManager<IdentityRole> roles,
    IMemoryCache cache,
    IChangeBus bus,
    TenantContext tenant) : IRolePermissionService
{
    public const string PermissionClaimType = "permission";

    // Another node changing a role drops this cache through the change bus (Redis); the short
    // expiry is the safety net when the bus is down or absent.
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);

    private static readonly IReadOnlySet<string> Everything = Permissions.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private string CacheKey => tenant.CacheKey("users:role-permissions");

    public async Task<IReadOnlySet<string>> GetPermissionsAsync(IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        var names = roleNames.ToList();
        if (names.Contains(BuiltInRoles.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return Everything;
        }

        var all = await GetAllAsync(cancellationToken);
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (all.TryGetValue(name, out var permissions))
            {
                granted.UnionWith(permissions);
            }
        }

        return granted;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> GetAllAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyDictionary<string, IReadOnlySet<string>>? cached) && cached is not null)
        {
            return cached;
        }

        var roleNames = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        var rows = await (
            from claim in db.RoleClaims.AsNoTracking()
            join role in db.Roles.AsNoTracking() on claim.RoleId equals role.Id
            where claim.ClaimType == PermissionClaimType
            select new { role.Name, claim.ClaimValue }).ToListAsync(cancellationToken);

        var map = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in roleNames)
        {
            map[name] = rows.Where(r => r.Name == name && r.ClaimValue != null).Select(r => r.ClaimValue!).ToHashSet(StringComparer.Ordinal);
        }

        cache.Set(CacheKey, (IReadOnlyDictionary<string, IReadOnlySet<string>>)map, CacheDuration);
        return map;
    }

    public async Task SetPermissionsAsync(string roleName, IEnumerable<string> permissions, CancellationToken cancellationToken)
    {
        var wanted = permissions.ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(p => !Permissions.IsKnown(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Permission inconnue : {string.Join(", ", unknown)}.");
        }

        var role = await roles.FindByNameAsync(roleName);
        if (role is null)
        {
            role = new IdentityRole(roleName);
            Check(await roles.CreateAsync(role));
        }

        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionClaimType).ToList();
        foreach (var claim in current.Where(c => !wanted.Contains(c.Value)))
        {
            Check(await roles.RemoveClaimAsync(role, claim));
        }

        foreach (var permission in wanted.Where(p => !current.Any(c => c.Value == p)))
        {
            Check(await roles.AddClaimAsync(role, new Claim(PermissionClaimType, permission)));
        }

        InvalidateCache();
    }

    public void InvalidateCache()
    {
        cache.Remove(CacheKey);
        bus.Publish(new ChangeNotice(ChangeKinds.MemoryCacheKey, tenant.Name, CacheKey));
    }

    public async Task EnsureBuiltInRolesAsync(CancellationToken cancellationToken)
    {
        foreach (var descriptor in BuiltInRoles.All)
        {
            if (!await roles.RoleExistsAsync(descriptor.Name))
            {
                await SetPermissionsAsync(descriptor.Name, descriptor.DefaultPermissions, cancellationToken);
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

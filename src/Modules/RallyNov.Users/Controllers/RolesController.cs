using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Auditing;
using RallyNov.Core.Security;
using RallyNov.Users.Data;
using RallyNov.Users.Models;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Users.Controllers;

/// <summary>What each role may do in this tenant. The administrator role always may do everything.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageUsers)]
// Editing what roles may do is editing what everyone may do: administrators only, even when
// ManageUsers has been given to another role.
[Authorize(Roles = BuiltInRoles.Administrator)]
public sealed class RolesController(
    IRolePermissionService permissions,
    IUserAdministration administration,
    UsersDbContext db,
    IAuditTrail audit,
    IAuditEventFactory auditEvents) : Controller
{
    [HttpGet("/admin/roles")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await BuildAsync(cancellationToken));

    [HttpPost("/admin/roles")]
    public async Task<IActionResult> Index(List<string>? grants, CancellationToken cancellationToken)
    {
        var posted = (grants ?? []).ToHashSet(StringComparer.Ordinal);
        var before = await permissions.GetAllAsync(cancellationToken);
        var changes = new List<(string Role, string Details)>();

        // All roles or none: a half-saved grid would leave permissions nobody chose.
        await using var transaction = await UsersTransaction.BeginAsync(db, cancellationToken);
        foreach (var role in await administration.RoleNamesAsync(cancellationToken))
        {
            if (string.Equals(role, BuiltInRoles.Administrator, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var granted = Permissions.All.Select(p => p.Name).Where(p => posted.Contains(RolesViewModel.Key(role, p)));
            var wanted = granted.ToList();
            await permissions.SetPermissionsAsync(role, wanted, cancellationToken);
            var had = before.TryGetValue(role, out var stored) ? stored : new HashSet<string>();
            var added = wanted.Where(p => !had.Contains(p)).ToList();
            var removed = had.Where(p => !wanted.Contains(p)).ToList();
            if (added.Count > 0 || removed.Count > 0)
            {
                changes.Add((role, $"Ajoutées : {PermissionList(added)} ; retirées : {PermissionList(removed)}"));
            }
        }

        await transaction.CommitAsync(cancellationToken);

        // A request between the first change and the commit may have cached the old grants.
        permissions.InvalidateCache();
        foreach (var (role, details) in changes)
        {
            await audit.RecordAsync(
                auditEvents.Create(AuditCategories.Users, AuditActions.RolePermissionsChanged, role, BuiltInRoles.DisplayName(role), details),
                cancellationToken);
        }

        TempData["Message"] = "Les permissions des rôles ont été enregistrées.";
        return RedirectToAction(nameof(Index));
    }

    private static string PermissionList(IEnumerable<string> names) =>
        string.Join(", ", names.DefaultIfEmpty("aucune"));

    private async Task<RolesViewModel> BuildAsync(CancellationToken cancellationToken) => new()
    {
        Roles = await administration.RoleNamesAsync(cancellationToken),
        Granted = await permissions.GetAllAsync(cancellationToken),
    };
}

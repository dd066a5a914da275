using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Auditing;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;
using RallyNov.Users.Security;

namespace RallyNov.Users.Services;

internal sealed class UserAdministration(
    UsersDbContext db,
    UserManager<RallyNovUser> users,
    TimeProvider clock,
    ISignInThrottle throttle,
    TenantContext tenant,
    AccountTokenStore tokens,
    IAuditTrail audit,
    IAuditEventFactory auditEvents) : IUserAdministration
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(null, cancellationToken);
        var invitations = await tokens.LatestInvitationsAsync(null, cancellationToken);
        return accounts.Select(u => Summarize(u, roles, invitations)).ToList();
    }

    public async Task<UserSummary?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null
            : Summarize(user, await RolesByUserAsync(user.Id, cancellationToken), await tokens.LatestInvitationsAsync(user.Id, cancellationToken));
    }

    public async Task<UserSummary?> FindByNameAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        return user is null ? null : await FindAsync(user.Id, cancellationToken);
    }

    public async Task<IdentityResult> CreateAsync(string userName, string email, string? password, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var wanted = roles.ToList();
        if (await UnknownRoleAsync(wanted, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var user = new RallyNovUser { UserName = userName.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        await using var transaction = await UsersTransaction.BeginAsync(db, cancellationToken);
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded && wanted.Count > 0)
        {
            result = await users.AddToRolesAsync(user, wanted);
        }

        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
            await AuditAsync(AuditActions.UserCreated, user.UserName!, "Rôles : " + RoleList(wanted), cancellationToken);
        }

        return result;
    }

    public async Task<IdentityResult> UpdateAsync(string userId, string email, IEnumerable<string> roles, string? actingUserId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("UserNotFound", "Ce compte n'existe pas.");
        }

        var wanted = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (await UnknownRoleAsync(wanted, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var current = await users.GetRolesAsync(user);
        var losesAdmin = current.Contains(BuiltInRoles.Administrator, StringComparer.OrdinalIgnoreCase) && !wanted.Contains(BuiltInRoles.Administrator);
        if (losesAdmin && user.Id == actingUserId)
        {
            return Failed("OwnAdministratorRole", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
        }

        if (losesAdmin && !user.IsDisabled && await ActiveAdministratorCountAsync() <= 1)
        {
            return Failed("LastAdministrator", "Le site doit garder au moins un administrateur actif.");
        }

        var emailChanged = !string.Equals(user.Email, email.Trim(), StringComparison.Ordinal);
        await using var transaction = await UsersTransaction.BeginAsync(db, cancellationToken);
        var result = IdentityResult.Success;
        if (emailChanged)
        {
            result = await users.SetEmailAsync(user, email.Trim());
        }

        var toRemove = current.Where(r => !wanted.Contains(r)).ToList();
        if (result.Succeeded && toRemove.Count > 0)
        {
            result = await users.RemoveFromRolesAsync(user, toRemove);
        }

        var toAdd = wanted.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (result.Succeeded && toAdd.Count > 0)
        {
            result = await users.AddToRolesAsync(user, toAdd);
        }

        if (result.Succeeded && emailChanged)
        {
            // Links already sent went to the old address: they must not open the account any more.
            await tokens.RevokeAsync(user.Id, AccountTokenPurposes.PasswordReset, cancellationToken);
            await tokens.RevokeAsync(user.Id, AccountTokenPurposes.Invitation, cancellationToken);
        }

        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
            await AuditAsync(
                AuditActions.UserUpdated,
                user.UserName!,
                $"Rôles ajoutés : {RoleList(toAdd)} ; rôles retirés : {RoleList(toRemove)}{(emailChanged ? " ; e-mail modifié" : "")}",
                cancellationToken);
        }

        return result;
    }

    public async Task<IdentityResult> SetDisabledAsync(string userId, bool disabled, string? actingUserId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("UserNotFound", "Ce compte n'existe pas.");
        }

        if (disabled && user.Id == actingUserId)
        {
            return Failed("DisableSelf", "Vous ne pouvez pas désactiver votre propre compte.");
        }

        if (disabled && !user.IsDisabled && await users.IsInRoleAsync(user, BuiltInRoles.Administrator) && await ActiveAdministratorCountAsync() <= 1)
        {
            return Failed("LastAdministrator", "Le site doit garder au moins un administrateur actif.");
        }

        await using var transaction = await UsersTransaction.BeginAsync(db, cancellationToken);
        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, disabled ? UserAccountDefaults.DisabledUntil : null);
        }

        if (result.Succeeded && !disabled)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (result.Succeeded)
        {
            // Ends the sessions of a disabled account at their next request.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
            await AuditAsync(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user.UserName!, null, cancellationToken);
        }

        return result;
    }

    public async Task<IdentityResult> ResetPasswordAsync(string userId, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("UserNotFound", "Ce compte n'existe pas.");
        }

        // The reset token path validates the new password before touching the old one, and renews the stamp.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            // A new password also lifts the blocks that failed attempts put on the account's addresses.
            throttle.ResetAccount(tenant.Name, user.UserName!);
            await AuditAsync(AuditActions.UserPasswordReset, user.UserName!, null, cancellationToken);
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken cancellationToken)
    {
        var names = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        var builtIn = BuiltInRoles.All.Select(r => r.Name).Where(n => names.Contains(n, StringComparer.OrdinalIgnoreCase));
        var others = names.Where(n => BuiltInRoles.Find(n) is null).Order(StringComparer.CurrentCulture);
        return [.. builtIn, .. others];
    }

    private async Task<IdentityResult?> UnknownRoleAsync(IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var known = await RoleNamesAsync(cancellationToken);
        var unknown = roles.Where(r => !known.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        return unknown.Count == 0 ? null : Failed("UnknownRole", $"Rôle inconnu : {string.Join(", ", unknown)}.");
    }

    private async Task<int> ActiveAdministratorCountAsync() =>
        (await users.GetUsersInRoleAsync(BuiltInRoles.Administrator)).Count(u => !u.IsDisabled);

    private async Task<Dictionary<string, List<string>>> RolesByUserAsync(string? userId, CancellationToken cancellationToken)
    {
        var rows = await (
            from link in db.UserRoles.AsNoTracking()
            join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
            where userId == null || link.UserId == userId
            select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).ToList(), StringComparer.Ordinal);
    }

    private UserSummary Summarize(RallyNovUser user, Dictionary<string, List<string>> roles, IReadOnlyDictionary<string, AccountToken> invitations)
    {
        var lockedOut = !user.IsDisabled && user.LockoutEnd is { } end && end > clock.GetUtcNow();
        var userRoles = roles.TryGetValue(user.Id, out var list) ? list : [];
        var invitation = invitations.GetValueOrDefault(user.Id);
        return new UserSummary(user.Id, user.UserName ?? "", user.Email ?? "", userRoles, user.IsDisabled, lockedOut, user.CreatedUtc)
        {
            HasPassword = user.PasswordHash is not null,
            InvitationSentUtc = invitation is null ? null : DateTime.SpecifyKind(invitation.CreatedUtc, DateTimeKind.Utc),
            InvitationExpiresUtc = invitation is null ? null : DateTime.SpecifyKind(invitation.ExpiresUtc, DateTimeKind.Utc),
        };
    }

    private Task AuditAsync(string action, string userName, string? details, CancellationToken cancellationToken) =>
        audit.RecordAsync(auditEvents.Create(AuditCategories.Users, action, itemId: userName, itemTitle: userName, details: details), cancellationToken);

    private static string RoleList(IEnumerable<string> roles) =>
        roles.Any() ? string.Join(", ", roles.Select(BuiltInRoles.DisplayName)) : "aucun";

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}

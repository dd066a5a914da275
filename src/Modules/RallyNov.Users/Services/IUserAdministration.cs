using Microsoft.AspNetCore.Identity;

namespace RallyNov.Users.Services;

/// <summary>
/// The user operations of the back office and of recipes, for the current tenant. Open sessions see
/// a change at their next request: roles are re-read on every request, and disabling an account or
/// resetting its password renews its security stamp, which ends its sessions.
/// </summary>
public interface IUserAdministration
{
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken);

    Task<UserSummary?> FindAsync(string userId, CancellationToken cancellationToken);

    Task<UserSummary?> FindByNameAsync(string userName, CancellationToken cancellationToken);

    /// <param name="password">Null creates an account that cannot sign in until a password is set.</param>
    Task<IdentityResult> CreateAsync(string userName, string email, string? password, IEnumerable<string> roles, CancellationToken cancellationToken);

    /// <param name="actingUserId">Who makes the change: nobody removes their own administrator role.</param>
    Task<IdentityResult> UpdateAsync(string userId, string email, IEnumerable<string> roles, string? actingUserId, CancellationToken cancellationToken);

    Task<IdentityResult> SetDisabledAsync(string userId, bool disabled, string? actingUserId, CancellationToken cancellationToken);

    Task<IdentityResult> ResetPasswordAsync(string userId, string newPassword, CancellationToken cancellationToken);

    /// <summary>Roles that exist in the tenant, built-in ones first.</summary>
    Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken cancellationToken);
}

/// <summary>A user as the back office lists it.</summary>
public sealed record UserSummary(string Id, string UserName, string Email, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTime CreatedUtc)
{
    /// <summary>False for an invited account that has not chosen its password yet.</summary>
    public bool HasPassword { get; init; } = true;

    /// <summary>When the account's latest invitation link (neither used nor revoked) was made, if any.</summary>
    public DateTime? InvitationSentUtc { get; init; }

    /// <summary>When that link stops working (UTC); in the past for an expired invitation.</summary>
    public DateTime? InvitationExpiresUtc { get; init; }

    /// <summary>Invited, not active yet, and the link still works at <paramref name="nowUtc"/>.</summary>
    public bool IsInvitationPending(DateTime nowUtc) => !HasPassword && InvitationExpiresUtc > nowUtc;
}

using Microsoft.AspNetCore.Identity;

namespace RallyNov.Users.Data;

/// <summary>A back-office account of one tenant (stored in that tenant's database only).</summary>
public sealed class RallyNovUser : IdentityUser
{
    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// Disabled accounts are locked out until the end of time: Identity then refuses every sign-in
    /// and the security stamp check ends open sessions, with no extra column to keep in sync.
    /// </summary>
    public bool IsDisabled => LockoutEnd is { } end && end >= UserAccountDefaults.DisabledUntil;
}

internal static class UserAccountDefaults
{
    /// <summary>Lockout end that marks an account as disabled (far beyond any real lockout).</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

namespace RallyNov.Users.Data;

/// <summary>
/// A single-use link sent to a person (invitation or password reset). Only the SHA-256 hash of
/// the secret is kept: a copy of the database opens no account. The row lives in the tenant's own
/// database, so a link of one tenant is unknown to every other.
/// </summary>
public sealed class AccountToken
{
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>One of <see cref="AccountTokenPurposes"/>.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the secret in the link.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>Set when the link was used; a used link never works again.</summary>
    public DateTime? UsedUtc { get; set; }

    /// <summary>Set when an administrator revoked it, a newer invitation replaced it or another link of the account was used.</summary>
    public DateTime? RevokedUtc { get; set; }

    /// <summary>Who asked for it (an administrator's name), null for the person themself.</summary>
    public string? CreatedBy { get; set; }
}

public static class AccountTokenPurposes
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";
}

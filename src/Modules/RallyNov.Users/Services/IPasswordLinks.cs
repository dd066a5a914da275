using Microsoft.AspNetCore.Identity;
using RallyNov.Core.Email;

namespace RallyNov.Users.Services;

/// <summary>
/// Passwords set through single-use links of the current tenant: « Mot de passe oublié ? », the
/// reset links administrators send, and the page where an invited person chooses a password.
/// </summary>
public interface IPasswordLinks
{
    /// <summary>True when links can be e-mailed (SMTP configured); otherwise only administrators hand them out.</summary>
    bool CanEmail { get; }

    /// <summary>
    /// « Mot de passe oublié ? » for a user name or an e-mail address. The caller answers the same
    /// whatever happens: a link is e-mailed (in the background, so the timing tells nothing) only to
    /// an enabled account that has a password and an address.
    /// </summary>
    Task RequestResetAsync(string login, CancellationToken cancellationToken);

    /// <summary>An administrator's reset link for an account: e-mailed when possible, to be shown once otherwise.</summary>
    Task<AccountLinkResult?> CreateResetLinkAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Who the link is for, when it works now; null for an unknown, used, revoked or expired link.</summary>
    Task<AccountLinkTarget?> FindAsync(string? token, AccountLinkKind kind, CancellationToken cancellationToken);

    /// <summary>The password policy's French messages for the link's account (empty when the password is fine or the link does not work).</summary>
    Task<IReadOnlyList<string>> PolicyErrorsAsync(string? token, AccountLinkKind kind, string newPassword, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the password with the link, once. The policy is checked first (French errors, the link
    /// stays usable); a success uses up the link and the account's other links, renews the security
    /// stamp (open sessions end) and lifts a temporary lockout.
    /// </summary>
    Task<IdentityResult> SetPasswordAsync(string? token, AccountLinkKind kind, string newPassword, CancellationToken cancellationToken);
}

public enum AccountLinkKind
{
    Invitation,
    PasswordReset,
}

/// <summary>The account a working link opens.</summary>
public sealed record AccountLinkTarget(string UserName, DateTime ExpiresUtc);

/// <summary>A link made for an administrator to pass on (when <see cref="EmailStatus"/> is not Sent) — shown once.</summary>
public sealed record AccountLinkResult(string UserName, string Email, string Link, DateTime ExpiresUtc, EmailSendStatus EmailStatus);

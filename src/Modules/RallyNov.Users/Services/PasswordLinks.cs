using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Auditing;
using RallyNov.Core.Email;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;
using RallyNov.Users.Security;

namespace RallyNov.Users.Services;

internal sealed class PasswordLinks(
    UsersDbContext db,
    UserManager<RallyNovUser> users,
    AccountTokenStore tokens,
    AccountEmails emails,
    IEmailSender mail,
    ITenantLinks links,
    IOptions<AccountLinkOptions> options,
    TimeProvider clock,
    IAuditTrail audit,
    IAuditEventFactory auditEvents,
    IHttpContextAccessor http,
    ISignInThrottle throttle,
    TenantContext tenant,
    ILogger<PasswordLinks> logger) : IPasswordLinks
{
    /// <summary>The page of a reset link, relative to the tenant.</summary>
    public const string ResetPath = "/admin/reset-password";

    /// <summary>A second request for the same account within this delay sends nothing: one click, one e-mail.</summary>
    private static readonly TimeSpan RequestInterval = TimeSpan.FromMinutes(1);

    public bool CanEmail => mail.IsConfigured;

    public async Task RequestResetAsync(string login, CancellationToken cancellationToken)
    {
        var attempted = login.Trim();
        var user = attempted.Length == 0 ? null
            : await users.FindByNameAsync(attempted) ?? (attempted.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(attempted) : null);

        string details;
        if (user is null)
        {
            details = "Aucun lien envoyé : identifiant inconnu";
        }
        else if (user.IsDisabled || user.PasswordHash is null || string.IsNullOrEmpty(user.Email))
        {
            // An invited account activates through its invitation only; revoking one must not be undone here.
            details = "Aucun lien envoyé : compte désactivé, sans mot de passe ou sans e-mail";
        }
        else if (!mail.IsConfigured)
        {
            details = "Aucun lien envoyé : l'envoi d'e-mails n'est pas configuré";
        }
        else if (await RecentlyRequestedAsync(user.Id, cancellationToken))
        {
            details = "Aucun lien envoyé : un lien vient déjà d'être envoyé";
        }
        else
        {
            var (secret, token) = await tokens.IssueAsync(user.Id, AccountTokenPurposes.PasswordReset, options.Value.PasswordResetLifetime, null, revokePending: false, cancellationToken);
            var link = links.Absolute(ResetPath + "?token=" + secret);
            mail.Enqueue(emails.PasswordReset(user.UserName!, user.Email, link, DateTime.SpecifyKind(token.ExpiresUtc, DateTimeKind.Utc)));
            details = "Lien envoyé par e-mail";
        }

        logger.LogInformation("Password reset requested in tenant: {Details}.", details);
        await audit.RecordAsync(
            auditEvents.Create(AuditCategories.Security, AuditActions.PasswordResetRequested, user?.UserName ?? attempted, user?.UserName ?? attempted, details),
            cancellationToken);
    }

    public async Task<AccountLinkResult?> CreateResetLinkAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(user.Email))
        {
            return null;
        }

        var actor = http.HttpContext?.User.Identity?.Name;
        var (secret, token) = await tokens.IssueAsync(user.Id, AccountTokenPurposes.PasswordReset, options.Value.InvitationLifetime, actor, revokePending: true, cancellationToken);
        var link = links.Absolute(ResetPath + "?token=" + secret);
        var expires = DateTime.SpecifyKind(token.ExpiresUtc, DateTimeKind.Utc);
        var status = mail.IsConfigured
            ? (await mail.SendAsync(emails.PasswordReset(user.UserName!, user.Email, link, expires), cancellationToken)).Status
            : EmailSendStatus.NotConfigured;
        var how = status switch
        {
            EmailSendStatus.Sent => "envoyé par e-mail",
            EmailSendStatus.Failed => "e-mail en échec, lien affiché",
            _ => "lien affiché",
        };
        await audit.RecordAsync(
            auditEvents.Create(AuditCategories.Users, AuditActions.PasswordResetLinkCreated, user.UserName, user.UserName, $"Lien de réinitialisation {how} ; valable jusqu'au {AccountEmails.ParisDate(expires)}"),
            cancellationToken);
        return new AccountLinkResult(user.UserName!, user.Email, link, expires, status);
    }

    public async Task<AccountLinkTarget?> FindAsync(string? token, AccountLinkKind kind, CancellationToken cancellationToken) =>
        await tokens.FindValidAsync(token, Purpose(kind), cancellationToken) is var (row, user)
            ? new AccountLinkTarget(user.UserName!, DateTime.SpecifyKind(row.ExpiresUtc, DateTimeKind.Utc))
            : null;

    public async Task<IReadOnlyList<string>> PolicyErrorsAsync(string? token, AccountLinkKind kind, string newPassword, CancellationToken cancellationToken) =>
        await tokens.FindValidAsync(token, Purpose(kind), cancellationToken) is var (_, user)
            ? [.. (await CheckPolicyAsync(user, newPassword)).Errors.Select(e => e.Description)]
            : [];

    public async Task<IdentityResult> SetPasswordAsync(string? token, AccountLinkKind kind, string newPassword, CancellationToken cancellationToken)
    {
        if (await tokens.FindValidAsync(token, Purpose(kind), cancellationToken) is not var (row, user))
        {
            return InvalidLink(kind);
        }

        var policy = await CheckPolicyAsync(user, newPassword);
        if (!policy.Succeeded)
        {
            return policy;
        }

        await using (var transaction = await UsersTransaction.BeginAsync(db, cancellationToken))
        {
            if (!await tokens.ConsumeAsync(row, cancellationToken))
            {
                return InvalidLink(kind);
            }

            // Identity's reset path replaces or sets the hash and renews the security stamp, which ends open sessions.
            var identityToken = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, identityToken, newPassword);
            if (result.Succeeded && user.LockoutEnd is not null)
            {
                result = await users.SetLockoutEndDateAsync(user, null);
            }

            if (result.Succeeded)
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }

            if (result.Succeeded && !user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                result = await users.UpdateAsync(user);
            }

            if (!result.Succeeded)
            {
                return result;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // The new password also lifts the blocks that failed attempts put on the account's addresses.
        throttle.ResetAccount(tenant.Name, user.UserName!);

        // The person acting is the one the link was for, though the request is anonymous.
        var (category, action, details) = kind == AccountLinkKind.Invitation
            ? (AuditCategories.Users, AuditActions.UserInvitationAccepted, "Mot de passe choisi avec le lien d'invitation")
            : (AuditCategories.Security, AuditActions.PasswordChanged, "Avec un lien de réinitialisation");
        await audit.RecordAsync(auditEvents.Create(category, action, user.UserName, user.UserName, details) with { UserName = user.UserName }, cancellationToken);
        return IdentityResult.Success;
    }

    private async Task<bool> RecentlyRequestedAsync(string userId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - RequestInterval;
        return await db.AccountTokens.AsNoTracking()
            .AnyAsync(t => t.UserId == userId && t.Purpose == AccountTokenPurposes.PasswordReset && t.CreatedBy == null && t.CreatedUtc > since, cancellationToken);
    }

    private async Task<IdentityResult> CheckPolicyAsync(RallyNovUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static string Purpose(AccountLinkKind kind) =>
        kind == AccountLinkKind.Invitation ? AccountTokenPurposes.Invitation : AccountTokenPurposes.PasswordReset;

    private static IdentityResult InvalidLink(AccountLinkKind kind) => IdentityResult.Failed(new IdentityError
    {
        Code = "InvalidLink",
        Description = kind == AccountLinkKind.Invitation
            ? "Ce lien d'invitation n'est plus valable : il a déjà servi, a expiré ou a été révoqué."
            : "Ce lien de réinitialisation n'est plus valable : il a déjà servi, a expiré ou a été remplacé.",
    });
}

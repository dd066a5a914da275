using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Accounts;
using RallyNov.Core.Auditing;
using RallyNov.Core.Email;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;

namespace RallyNov.Users.Services;

internal sealed class AccountInvitations(
    UserManager<RallyNovUser> users,
    IUserAdministration administration,
    AccountTokenStore tokens,
    AccountEmails emails,
    IEmailSender mail,
    ITenantLinks links,
    IOptions<AccountLinkOptions> options,
    IAuditTrail audit,
    IAuditEventFactory auditEvents,
    IHttpContextAccessor http,
    ILogger<AccountInvitations> logger) : IAccountInvitations
{
    /// <summary>The page of the link, relative to the tenant.</summary>
    public const string AcceptPath = "/admin/invitation";

    public async Task<InvitationResult> InviteAsync(AccountInvitation invitation, InvitationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);

        // The account is created (and audited) first, in its own transaction: the audit trail writes on
        // the same connection and cannot while another transaction of the users context is open. A
        // failure after it leaves an account without a link, which « Renvoyer l'invitation » repairs.
        var created = await administration.CreateAsync(invitation.UserName, invitation.Email, password: null, invitation.Roles, cancellationToken);
        if (!created.Succeeded)
        {
            return InvitationResult.Failed([.. created.Errors.Select(ToAccountError)]);
        }

        var user = await users.FindByNameAsync(invitation.UserName.Trim())
            ?? throw new InvalidOperationException("The account just created cannot be found.");
        var (secret, token) = await tokens.IssueAsync(user.Id, AccountTokenPurposes.Invitation, options.Value.InvitationLifetime, Actor(), revokePending: true, cancellationToken);
        return await DeliverAsync(user, secret, token, delivery, "Invitation", cancellationToken);
    }

    public async Task<InvitationResult> ReissueAsync(string userName, InvitationDelivery delivery, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return InvitationResult.Failed(new AccountError("UserNotFound", "Ce compte n'existe pas."));
        }

        if (user.IsDisabled)
        {
            return InvitationResult.Failed(new AccountError("UserDisabled", "Ce compte est désactivé : réactivez-le avant de l'inviter."));
        }

        if (string.IsNullOrEmpty(user.Email))
        {
            return InvitationResult.Failed(new AccountError("NoEmail", "Ce compte n'a pas d'adresse e-mail.", "Email"));
        }

        var (secret, token) = await tokens.IssueAsync(user.Id, AccountTokenPurposes.Invitation, options.Value.InvitationLifetime, Actor(), revokePending: true, cancellationToken);
        return await DeliverAsync(user, secret, token, delivery, "Nouvelle invitation (les liens précédents ne fonctionnent plus)", cancellationToken);
    }

    public async Task<bool> RevokeAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return false;
        }

        var revoked = await tokens.RevokeAsync(user.Id, AccountTokenPurposes.Invitation, cancellationToken);
        if (revoked > 0)
        {
            await AuditAsync(AuditActions.UserInvitationRevoked, user.UserName!, null, cancellationToken);
        }

        return revoked > 0;
    }

    private async Task<InvitationResult> DeliverAsync(
        RallyNovUser user, string secret, AccountToken token, InvitationDelivery delivery, string what, CancellationToken cancellationToken)
    {
        var link = links.Absolute(AcceptPath + "?token=" + secret);
        var expires = DateTime.SpecifyKind(token.ExpiresUtc, DateTimeKind.Utc);
        var status = EmailSendStatus.NotConfigured;
        if (delivery == InvitationDelivery.EmailWhenConfigured && mail.IsConfigured && !Uri.IsWellFormedUriString(link, UriKind.Absolute))
        {
            // Outside a request, without RallyNov:PublicBaseUrl or host names, the link has no host:
            // useless in an e-mail. The caller gets it to show instead.
            logger.LogWarning("Invitation of {User} not e-mailed: set RallyNov:PublicBaseUrl so that links sent outside a request are absolute.", user.UserName);
        }
        else if (delivery == InvitationDelivery.EmailWhenConfigured && mail.IsConfigured)
        {
            var message = emails.Invitation(user.UserName!, user.Email!, link, expires, Actor());
            status = (await mail.SendAsync(message, cancellationToken)).Status;
        }

        var how = status switch
        {
            EmailSendStatus.Sent => "envoyée par e-mail",
            EmailSendStatus.Failed => "e-mail en échec, lien affiché",
            _ => "lien affiché",
        };
        await AuditAsync(AuditActions.UserInvited, user.UserName!, $"{what} : {how} ; valable jusqu'au {AccountEmails.ParisDate(expires)}", cancellationToken);
        return new InvitationResult
        {
            UserId = user.Id,
            UserName = user.UserName,
            Email = user.Email,
            Link = link,
            ExpiresUtc = expires,
            EmailStatus = status,
        };
    }

    /// <summary>The signed-in administrator, or null outside a request (the tenants module, a verb).</summary>
    private string? Actor() => http.HttpContext?.User.Identity is { IsAuthenticated: true } identity ? identity.Name : null;

    private Task AuditAsync(string action, string userName, string? details, CancellationToken cancellationToken) =>
        audit.RecordAsync(auditEvents.Create(AuditCategories.Users, action, itemId: userName, itemTitle: userName, details: details), cancellationToken);

    private static AccountError ToAccountError(IdentityError error) => new(
        error.Code,
        error.Description,
        error.Code switch
        {
            "DuplicateUserName" or "InvalidUserName" => "UserName",
            "DuplicateEmail" or "InvalidEmail" => "Email",
            "UnknownRole" => "Roles",
            _ => null,
        });
}

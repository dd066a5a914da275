using RallyNov.Core.Email;

namespace RallyNov.Core.Accounts;

/// <summary>
/// Invitations to the back office of the scope's tenant: the account is created without a
/// password, and a single-use link that expires (72 hours by default) lets its owner choose one.
/// Implemented by the users module; other modules call it in the scope of the tenant concerned —
/// for instance the tenants module, in a new tenant's scope, to hand its first administrator a link:
/// <code>
/// var result = await invitations.InviteAsync(
///     new AccountInvitation("admin", "direction@example.org", [AccountInvitation.AdministratorRole]),
///     InvitationDelivery.LinkOnly, cancellationToken);
/// // result.Link: show it once; only its hash is stored.
/// </code>
/// Each step is recorded in the tenant's audit trail. A link only works in the tenant that made it.
/// </summary>
public interface IAccountInvitations
{
    /// <summary>Creates the account (no password) with its roles, and its invitation link.</summary>
    Task<InvitationResult> InviteAsync(AccountInvitation invitation, InvitationDelivery delivery, CancellationToken cancellationToken);

    /// <summary>A new invitation link for an existing, enabled account; the links sent before stop working.</summary>
    Task<InvitationResult> ReissueAsync(string userName, InvitationDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Makes the account's pending invitation links unusable; false when there was none.</summary>
    Task<bool> RevokeAsync(string userName, CancellationToken cancellationToken);
}

/// <summary>Who is invited, with which roles (role names such as "Editor").</summary>
public sealed record AccountInvitation(string UserName, string Email, IReadOnlyList<string> Roles)
{
    /// <summary>The name of the built-in role that may do everything in a tenant.</summary>
    public const string AdministratorRole = "Administrator";
}

public enum InvitationDelivery
{
    /// <summary>E-mail the link when SMTP is configured; the result carries the link either way.</summary>
    EmailWhenConfigured,

    /// <summary>Send nothing: the caller shows <see cref="InvitationResult.Link"/> (once) to the person in charge.</summary>
    LinkOnly,
}

/// <summary>
/// The outcome of an invitation. <see cref="Link"/> is the only copy of the secret: show it once,
/// never store or log it. It is absolute when the request or <c>RallyNov:PublicBaseUrl</c> says
/// where the site lives, relative to the host otherwise.
/// </summary>
public sealed record InvitationResult
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>French messages, each with the field it concerns ("UserName", "Email", "Roles") or null.</summary>
    public IReadOnlyList<AccountError> Errors { get; init; } = [];

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? Email { get; init; }

    public string? Link { get; init; }

    public DateTime? ExpiresUtc { get; init; }

    /// <summary>How the e-mail went (<c>NotConfigured</c> as well for <see cref="InvitationDelivery.LinkOnly"/>).</summary>
    public EmailSendStatus EmailStatus { get; init; } = EmailSendStatus.NotConfigured;

    public bool EmailSent => EmailStatus == EmailSendStatus.Sent;

    public static InvitationResult Failed(params AccountError[] errors) => new() { Errors = errors };
}

/// <summary>A French error message about one field of the account (or none).</summary>
public sealed record AccountError(string Code, string Description, string? Field = null);

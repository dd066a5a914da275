namespace RallyNov.Core.Auditing;

/// <summary>
/// One line of a tenant's audit trail: who did what, when, on which item, from which address.
/// Never carries a password or any other secret.
/// </summary>
public sealed record AuditEvent
{
    /// <summary>One of <see cref="AuditCategories"/>.</summary>
    public required string Category { get; init; }

    /// <summary>Stable code, e.g. "content.published" (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; init; }

    /// <summary>Who acted; null for an anonymous request (a failed sign-in names the attempt in <see cref="Details"/>).</summary>
    public string? UserName { get; init; }

    /// <summary>The content item id, user name or settings group the action was about.</summary>
    public string? ItemId { get; init; }

    /// <summary>A readable title or summary of the item at the time of the action.</summary>
    public string? ItemTitle { get; init; }

    /// <summary>Short French text or JSON.</summary>
    public string? Details { get; init; }

    public string? IpAddress { get; init; }

    public DateTime UtcTime { get; init; }
}

/// <summary>The categories of <see cref="AuditEvent.Category"/>.</summary>
public static class AuditCategories
{
    public const string Content = "content";
    public const string Security = "security";
    public const string Users = "users";
    public const string Settings = "settings";

    /// <summary>Terms of the vocabularies (thèmes, kinds...).</summary>
    public const string Taxonomies = "taxonomies";
    public const string Media = "media";
    public const string Tenants = "tenants";
}

/// <summary>The action codes recorded by the framework and the built-in modules.</summary>
public static class AuditActions
{
    public const string ContentCreated = "content.created";
    public const string ContentSaved = "content.saved";
    public const string ContentPublished = "content.published";
    public const string ContentUnpublished = "content.unpublished";
    public const string ContentDeleted = "content.deleted";
    public const string ContentRestored = "content.restored";
    public const string ContentSubmitted = "content.submitted";
    public const string ContentScheduled = "content.scheduled";
    public const string ContentUnscheduled = "content.unscheduled";

    public const string ProposalSubmitted = "proposal.submitted";
    public const string ProposalAccepted = "proposal.accepted";
    public const string ProposalRejected = "proposal.rejected";
    public const string ProposalMerged = "proposal.merged";
    public const string ProposalErased = "proposal.erased";

    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.lockedout";
    public const string Logout = "logout";
    public const string PasswordResetRequested = "password.resetrequested";
    public const string PasswordChanged = "password.changed";

    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.passwordreset";
    public const string PasswordResetLinkCreated = "user.resetlinkcreated";
    public const string UserInvited = "user.invited";
    public const string UserInvitationRevoked = "user.invitationrevoked";
    public const string UserInvitationAccepted = "user.invitationaccepted";
    public const string RolePermissionsChanged = "role.permissionschanged";

    public const string SettingsChanged = "settings.changed";

    public const string TermCreated = "term.created";
    public const string TermUpdated = "term.updated";
    public const string TermMoved = "term.moved";
    public const string TermMerged = "term.merged";
    public const string TermDeleted = "term.deleted";

    public const string MediaUploaded = "media.uploaded";
    public const string MediaUpdated = "media.updated";
    public const string MediaDeleted = "media.deleted";

    public const string TenantCreated = "tenant.created";
    public const string TenantUpdated = "tenant.updated";
    public const string TenantDisabled = "tenant.disabled";
    public const string TenantEnabled = "tenant.enabled";
    public const string TenantRemoved = "tenant.removed";
    public const string TenantExported = "tenant.exported";
    public const string TenantImported = "tenant.imported";
}

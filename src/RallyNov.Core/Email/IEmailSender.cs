namespace RallyNov.Core.Email;

/// <summary>
/// Sends e-mail through the SMTP server of <c>RallyNov:Smtp</c>. Any module may use it (invitations,
/// password resets, notifications of public proposals...). Check <see cref="IsConfigured"/> before
/// promising an e-mail to somebody: without a server nothing is sent and every call answers
/// <see cref="EmailSendStatus.NotConfigured"/>.
/// </summary>
public interface IEmailSender
{
    /// <summary>True when a server and a sender address are configured.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends now and says how it went; never throws for a delivery failure (it is logged).</summary>
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends in the background, a moment later, and returns at once: for answers whose timing must
    /// not tell whether a message was sent (« mot de passe oublié »). Failures are only logged.
    /// Returns false when nothing will be sent (not configured).
    /// </summary>
    bool Enqueue(EmailMessage message);
}

/// <summary>One message to one recipient: a plain-text body always, an HTML one optionally.</summary>
public sealed record EmailMessage
{
    public EmailMessage(string to, string subject, string textBody, string? htmlBody = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(textBody);
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
    }

    /// <summary>The recipient's address.</summary>
    public string To { get; }

    /// <summary>The recipient's name as shown by mail clients; optional.</summary>
    public string? ToName { get; init; }

    public string Subject { get; }

    public string TextBody { get; }

    /// <summary>An HTML alternative of <see cref="TextBody"/>; the caller encodes what it inserts.</summary>
    public string? HtmlBody { get; }

    /// <summary>Replaces the configured sender's display name (e.g. the tenant's name); the address stays the configured one.</summary>
    public string? SenderName { get; init; }

    /// <summary>Where answers go, when not to the sender.</summary>
    public string? ReplyTo { get; init; }
}

public enum EmailSendStatus
{
    Sent,

    /// <summary>No SMTP server is configured: nothing was sent.</summary>
    NotConfigured,

    /// <summary>The server could not be reached or refused the message (see the log).</summary>
    Failed,
}

public sealed record EmailSendResult(EmailSendStatus Status, string? Error = null)
{
    public static EmailSendResult Sent { get; } = new(EmailSendStatus.Sent);

    public static EmailSendResult NotConfigured { get; } = new(EmailSendStatus.NotConfigured);

    public bool Succeeded => Status == EmailSendStatus.Sent;
}

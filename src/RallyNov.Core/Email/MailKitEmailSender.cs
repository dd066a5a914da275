using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RallyNov.Core.Email;

/// <summary>
/// <see cref="IEmailSender"/> over MailKit: one short SMTP connection per message (a regional site
/// sends a few a day; a pooled connection would only add states to get wrong). Queued messages go
/// through a bounded channel read by <see cref="EmailQueueService"/>.
/// </summary>
internal sealed class MailKitEmailSender(IOptionsMonitor<SmtpOptions> options, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    // Enough for a burst of resets; beyond it new messages are refused (and logged) rather than
    // letting a flood of anonymous requests grow memory without limit. In Wait mode TryWrite
    // answers false when full instead of waiting (the Drop modes would drop silently).
    private readonly Channel<EmailMessage> _queue = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public bool IsConfigured => Sender(options.CurrentValue) is not null && !string.IsNullOrWhiteSpace(options.CurrentValue.Host);

    internal ChannelReader<EmailMessage> Queue => _queue.Reader;

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.CurrentValue;
        if (Sender(settings) is not { } sender || string.IsNullOrWhiteSpace(settings.Host))
        {
            return EmailSendResult.NotConfigured;
        }

        if (!MailboxAddress.TryParse(message.To, out var recipient))
        {
            logger.LogWarning("E-mail « {Subject} » not sent: invalid recipient address.", message.Subject);
            return new EmailSendResult(EmailSendStatus.Failed, "Adresse du destinataire invalide.");
        }

        try
        {
            using var mime = Build(message, sender, recipient);
            using var client = new SmtpClient { Timeout = Math.Max(1, settings.TimeoutSeconds) * 1000 };
            await client.ConnectAsync(settings.Host, settings.EffectivePort, SocketOptions(settings.Tls), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return EmailSendResult.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The address is personal data: the log names the server and the subject only.
            logger.LogError(ex, "E-mail « {Subject} » could not be sent through {Host}:{Port}.", message.Subject, settings.Host, settings.EffectivePort);
            return new EmailSendResult(EmailSendStatus.Failed, ex.Message);
        }
    }

    public bool Enqueue(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsConfigured)
        {
            return false;
        }

        if (!_queue.Writer.TryWrite(message))
        {
            logger.LogError("E-mail « {Subject} » dropped: the sending queue is full.", message.Subject);
            return false;
        }

        return true;
    }

    private static MimeMessage Build(EmailMessage message, MailboxAddress sender, MailboxAddress recipient)
    {
        var from = string.IsNullOrWhiteSpace(message.SenderName) ? sender : new MailboxAddress(message.SenderName, sender.Address);
        if (!string.IsNullOrWhiteSpace(message.ToName))
        {
            recipient = new MailboxAddress(message.ToName, recipient.Address);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        var mime = new MimeMessage { Subject = message.Subject, Body = body.ToMessageBody() };
        mime.From.Add(from);
        mime.To.Add(recipient);
        if (!string.IsNullOrWhiteSpace(message.ReplyTo) && MailboxAddress.TryParse(message.ReplyTo, out var replyTo))
        {
            mime.ReplyTo.Add(replyTo);
        }

        // Tells mail servers and out-of-office robots that no human wrote it (RFC 3834).
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        return mime;
    }

    private static MailboxAddress? Sender(SmtpOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Sender) || !MailboxAddress.TryParse(settings.Sender.Trim(), out var sender))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(settings.SenderName) ? sender : new MailboxAddress(settings.SenderName.Trim(), sender.Address);
    }

    private static SecureSocketOptions SocketOptions(SmtpTls tls) => tls switch
    {
        SmtpTls.None => SecureSocketOptions.None,
        SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}

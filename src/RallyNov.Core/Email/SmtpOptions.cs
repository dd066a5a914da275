namespace RallyNov.Core.Email;

/// <summary>
/// The <c>RallyNov:Smtp</c> section (appsettings.json or <c>RallyNov__Smtp__Host</c>...). Without a
/// host or a sender, e-mail is switched off and the back office offers links to copy instead.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "RallyNov:Smtp";

    public string? Host { get; set; }

    /// <summary>0 = the usual port of <see cref="Tls"/>: 465 with SslOnConnect, 25 with None, 587 otherwise.</summary>
    public int Port { get; set; }

    /// <summary>How the connection is secured; StartTls (required, never silently skipped) by default.</summary>
    public SmtpTls Tls { get; set; } = SmtpTls.StartTls;

    /// <summary>Sign-in name on the server; empty = no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address, or "Name &lt;address&gt;".</summary>
    public string? Sender { get; set; }

    /// <summary>The sender's display name, when <see cref="Sender"/> gives only the address.</summary>
    public string? SenderName { get; set; }

    /// <summary>Seconds allowed for each network operation.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public int EffectivePort => Port > 0 ? Port : Tls switch
    {
        SmtpTls.SslOnConnect => 465,
        SmtpTls.None => 25,
        _ => 587,
    };
}

public enum SmtpTls
{
    /// <summary>Plain connection (a server on the same machine or a test sink only).</summary>
    None,

    /// <summary>Plain connection upgraded by STARTTLS; refused when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RallyNov.Core.Email;

namespace RallyNov.Core.Tests.Email;

public sealed class MailKitEmailSenderTests
{
    private static readonly EmailMessage Message = new("personne@example.org", "Objet", "Texte");

    [Theory]
    [InlineData(null, "site@example.org")]
    [InlineData("smtp.example.org", null)]
    [InlineData("smtp.example.org", "pas une adresse")]
    public async Task Without_a_host_and_a_valid_sender_nothing_is_sent(string? host, string? sender)
    {
        var mail = Sender(new SmtpOptions { Host = host, Sender = sender });

        Assert.False(mail.IsConfigured);
        Assert.Equal(EmailSendStatus.NotConfigured, (await mail.SendAsync(Message, CancellationToken.None)).Status);
        Assert.False(mail.Enqueue(Message));
    }

    [Fact]
    public async Task An_unreachable_server_is_a_failure_not_an_exception()
    {
        // A loopback port that was free a moment ago: the connection is refused at once.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var mail = Sender(new SmtpOptions { Host = "127.0.0.1", Port = port, Tls = SmtpTls.None, Sender = "rally'nov <site@example.org>", TimeoutSeconds = 5 });

        Assert.True(mail.IsConfigured);
        var result = await mail.SendAsync(Message, CancellationToken.None);
        Assert.Equal(EmailSendStatus.Failed, result.Status);
        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData(SmtpTls.StartTls, 0, 587)]
    [InlineData(SmtpTls.SslOnConnect, 0, 465)]
    [InlineData(SmtpTls.None, 0, 25)]
    [InlineData(SmtpTls.StartTls, 2525, 2525)]
    public void The_port_follows_the_tls_mode_unless_given(SmtpTls tls, int port, int expected) =>
        Assert.Equal(expected, new SmtpOptions { Tls = tls, Port = port }.EffectivePort);

    private static MailKitEmailSender Sender(SmtpOptions options) =>
        new(new StaticMonitor(options), NullLogger<MailKitEmailSender>.Instance);

    private sealed class StaticMonitor(SmtpOptions value) : IOptionsMonitor<SmtpOptions>
    {
        public SmtpOptions CurrentValue => value;

        public SmtpOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SmtpOptions, string?> listener) => null;
    }
}

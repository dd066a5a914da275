using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;

namespace RallyNov.Integration.Tests.Infrastructure;

/// <summary>
/// A throwaway SMTP server on a free loopback port: Debian's aiosmtpd with its Maildir handler,
/// so every message the site sends lands as a file that tests read back with MimeKit. Each owner
/// starts its own and kills it when disposed. ./test.sh installs python3-aiosmtpd.
/// </summary>
public sealed partial class SmtpSink : IDisposable
{
    /// <summary>Debian's interpreter: a python3 earlier on PATH (pyenv...) has no aiosmtpd.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>
    /// What `python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c aiosmtpd.handlers.Mailbox DIR` does, plus one
    /// thing: it stops when its standard input closes, so a test process that dies (killed, crashed)
    /// leaves no server behind on a machine shared by several people.
    /// </summary>
    private const string Script = """
        import sys
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        controller = Controller(Mailbox(sys.argv[1]), hostname="127.0.0.1", port=int(sys.argv[2]))
        controller.start()
        sys.stdin.read()
        controller.stop()
        """;

    private readonly Process _process;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private SmtpSink(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    /// <summary>The Maildir the messages are written to (new/ holds them).</summary>
    public string Folder { get; }

    /// <summary>Settings that point the site at this sink (no TLS, no authentication).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RallyNov:Smtp:Host"] = "127.0.0.1",
        ["RallyNov:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RallyNov:Smtp:Tls"] = "None",
        ["RallyNov:Smtp:Sender"] = "rally'nov <ne-pas-repondre@rallynov.test>",
    };

    public static SmtpSink Start()
    {
        if (!File.Exists(Python) || !HasAiosmtpd())
        {
            throw new InvalidOperationException(
                "The e-mail tests need Debian's python3-aiosmtpd (an SMTP sink on loopback). " +
                "Run ./test.sh (it installs it) or 'apt-get install python3-aiosmtpd'.");
        }

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "rallynov-smtp-" + Guid.NewGuid().ToString("N"));
            // A Maildir: Python's mailbox only creates the three folders when the root is missing.
            foreach (var sub in new[] { "tmp", "new", "cur" })
            {
                Directory.CreateDirectory(Path.Combine(folder, sub));
            }

            var port = FreePort();
            var start = new ProcessStartInfo(Python)
            {
                ArgumentList = { "-c", Script, folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (WaitUntilListening(port, process))
            {
                return new SmtpSink(process, port, folder);
            }

            last = new InvalidOperationException($"aiosmtpd did not listen on 127.0.0.1:{port} (exit: {(process.HasExited ? process.ExitCode : "running")}).");
            Kill(process);
            Directory.Delete(folder, recursive: true);
        }

        throw last!;
    }

    /// <summary>All messages received so far.</summary>
    public IReadOnlyList<MimeMessage> All()
    {
        var folder = Path.Combine(Folder, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(Load).OfType<MimeMessage>()];
    }

    /// <summary>How many messages went to this address so far.</summary>
    public int CountTo(string address) => All().Count(m => IsTo(m, address));

    /// <summary>
    /// The next message to <paramref name="address"/> not returned before (each message is returned
    /// once, so a test can wait for the second e-mail of the same person).
    /// </summary>
    public async Task<MimeMessage> WaitForMessageAsync(string address, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var folder = Path.Combine(Folder, "new");
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
                {
                    lock (_gate)
                    {
                        if (_taken.Contains(file) || Load(file) is not { } message || !IsTo(message, address))
                        {
                            continue;
                        }

                        _taken.Add(file);
                        return message;
                    }
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No e-mail to {address} reached the SMTP sink.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The first link of the text body whose path contains <paramref name="path"/>.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var match = Links().Matches(message.TextBody ?? "").FirstOrDefault(m => m.Value.Contains(path, StringComparison.Ordinal));
        Assert.True(match is not null, $"No link to {path} in the e-mail:\n{message.TextBody}");
        return match!.Value;
    }

    public void Dispose()
    {
        Kill(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool IsTo(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private static MimeMessage? Load(string file)
    {
        try
        {
            return MimeMessage.Load(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool HasAiosmtpd()
    {
        using var check = Process.Start(new ProcessStartInfo(Python) { ArgumentList = { "-c", "import aiosmtpd" }, RedirectStandardError = true, UseShellExecute = false })!;
        check.WaitForExit(30_000);
        return check.HasExited && check.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool WaitUntilListening(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        return false;
    }

    private static void Kill(Process process)
    {
        try
        {
            // Closing its input stops the script; a kill is the fallback.
            process.StandardInput.Close();
            if (!process.WaitForExit(3_000))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Links();
}

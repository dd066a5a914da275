using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// A redis-server of this test alone, on a free loopback port, so that the test may stop it
/// without disturbing the tests that share the one of test.sh.
/// </summary>
public sealed class PrivateRedis : IDisposable
{
    private Process _process;

    public PrivateRedis()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _process = Launch();
    }

    public int Port { get; }

    public string Configuration => "127.0.0.1:" + Port;

    /// <summary>Kills the server at once, as a crash would.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>Starts the server again on the same port (empty: nothing was saved).</summary>
    public void Restart()
    {
        Stop();
        _process.Dispose();
        _process = Launch();
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private Process Launch()
    {
        var process = Process.Start(new ProcessStartInfo("redis-server", $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        process.BeginOutputReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Answers())
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException($"redis-server does not answer on port {Port}.");
            }

            Thread.Sleep(50);
        }

        return process;
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

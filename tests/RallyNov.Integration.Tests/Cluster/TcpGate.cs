using System.Net;
using System.Net.Sockets;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// A loopback port standing for a server that is not started yet: nothing listens on it (a
/// connection is refused, as with PostgreSQL stopped) until <see cref="Open"/>, then every
/// connection is forwarded to <paramref name="target"/>.
/// </summary>
public sealed class TcpGate(IPEndPoint target) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;

    public int Port { get; } = FreePort();

    public void Open()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener?.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client, cancellationToken);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(target, cancellationToken);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var up = client.GetStream().CopyToAsync(server.GetStream(), stop.Token);
                var down = server.GetStream().CopyToAsync(client.GetStream(), stop.Token);
                await Task.WhenAny(up, down);
                await stop.CancelAsync();
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // One side closed: the other goes with it.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

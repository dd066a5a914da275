using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace RallyNov.Core.Cluster;

/// <summary>
/// Change notices over one Redis pub/sub channel. Each node publishes what it changed and applies
/// what the others published (its own messages come back and are ignored). Pub/sub delivers to the
/// nodes connected at that moment only: a node that was cut off still has the one-minute expiries
/// of its caches as a safety net.
/// </summary>
internal sealed class RedisChangeBus(RedisConnection redis, IServiceProvider services, ILogger<RedisChangeBus> logger) : IChangeBus, IHostedService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>This process, so that it does not apply its own notices twice.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");

    private RedisChannel Channel => RedisChannel.Literal(redis.KeyPrefix + ":changes");

    public void Publish(ChangeNotice notice)
    {
        try
        {
            var multiplexer = redis.Multiplexer;
            if (!multiplexer.IsConnected)
            {
                logger.LogWarning("Redis unreachable: the other nodes will not hear of {Kind} ({Tenant}) until their caches expire.", notice.Kind, notice.Tenant);
                return;
            }

            var message = JsonSerializer.Serialize(new Envelope(_node, notice.Kind, notice.Tenant, notice.Key), Json);
            multiplexer.GetSubscriber().Publish(Channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Could not publish {Kind} ({Tenant}) on Redis; the other nodes will see it when their caches expire.", notice.Kind, notice.Tenant);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Subscriptions are restored by the multiplexer after a reconnection.
            var queue = await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel);
            queue.OnMessage(OnMessageAsync);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not subscribe to Redis change notices: this node serves alone until it restarts with Redis.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OnMessageAsync(ChannelMessage message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString(), Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed change notice on {Channel}.", message.Channel);
            return;
        }

        if (envelope is null || envelope.Node == _node || string.IsNullOrEmpty(envelope.Kind))
        {
            return;
        }

        var notice = new ChangeNotice(envelope.Kind, envelope.Tenant, envelope.Key);
        foreach (var handler in services.GetServices<IChangeHandler>())
        {
            try
            {
                await handler.ApplyAsync(notice, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // One handler's failure must not stop the others nor the subscription.
                logger.LogError(ex, "Could not apply the change notice {Kind} ({Tenant}) with {Handler}.", notice.Kind, notice.Tenant, handler.GetType().Name);
            }
        }
    }

    private sealed record Envelope(string Node, string Kind, string? Tenant, string? Key);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Hosting;
using StackExchange.Redis;

namespace RallyNov.Core.Cluster;

/// <summary>
/// The node's one connection to Redis, opened on first use. It never fails the start: while Redis
/// is away the multiplexer keeps reconnecting and commands fail at once (no backlog), so callers
/// log and carry on as a single node would.
/// </summary>
internal sealed class RedisConnection(IOptions<RallyNovOptions> options, ILogger<RedisConnection> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private ConnectionMultiplexer? _multiplexer;

    public string KeyPrefix => options.Value.Redis.KeyPrefix;

    public ConnectionMultiplexer Multiplexer
    {
        get
        {
            if (_multiplexer is { } existing)
            {
                return existing;
            }

            lock (_lock)
            {
                if (_multiplexer is null)
                {
                    var configuration = ConfigurationOptions.Parse(options.Value.Redis.Configuration ?? throw new InvalidOperationException("RallyNov:Redis:Configuration is not set."));
                    configuration.AbortOnConnectFail = false;
                    configuration.BacklogPolicy = BacklogPolicy.FailFast;
                    configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 3000);
                    configuration.ClientName ??= "rallynov-" + Environment.MachineName;
                    _multiplexer = ConnectionMultiplexer.Connect(configuration);
                    _multiplexer.ConnectionFailed += (_, e) => logger.LogWarning("Redis unreachable ({Endpoint}, {Failure}): this node goes on alone, other nodes' changes arrive again when Redis returns.", e.EndPoint, e.FailureType);
                    _multiplexer.ConnectionRestored += (_, e) => logger.LogWarning("Redis reachable again ({Endpoint}).", e.EndPoint);
                }

                return _multiplexer;
            }
        }
    }

    public IDatabase Database => Multiplexer.GetDatabase();

    public void Dispose() => _multiplexer?.Dispose();
}

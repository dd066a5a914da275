using RallyNov.Integration.Tests.Postgres;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// A test of several nodes: it needs the throwaway Redis and PostgreSQL that ./test.sh starts, and
/// is reported as skipped, with the reason, when either is missing (a plain `dotnet test`).
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public const string RedisVariable = "RALLYNOV_TEST_REDIS";

    public ClusterFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RedisVariable)))
        {
            Skip = $"{RedisVariable} is not set: the several-nodes tests need the throwaway redis-server that ./test.sh starts (apt package redis-server).";
        }
        else if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresSiteFactory.Variable)))
        {
            Skip = $"{PostgresSiteFactory.Variable} is not set: the several-nodes tests share the throwaway PostgreSQL that ./test.sh starts.";
        }
    }
}

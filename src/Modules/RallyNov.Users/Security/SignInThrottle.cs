using System.Net;
using Microsoft.Extensions.Caching.Memory;
using RallyNov.Core.Web;

namespace RallyNov.Users.Security;

/// <summary>
/// Failed sign-ins counted per account <b>and client address</b>: five failures from one address
/// block that address for that account for 15 minutes, while the real owner, elsewhere, still
/// signs in — an anonymous visitor can no longer lock the administrator out with five requests.
/// Identity's own lockout stays as the guard against attempts spread over many addresses, at a
/// higher count (<see cref="AccountLockoutFailures"/>). Kept in memory: per node, reset by a restart.
/// </summary>
public interface ISignInThrottle
{
    bool IsBlocked(string tenant, string userName, IPAddress? client);

    /// <returns>True when this failure blocks the address for the account.</returns>
    bool RecordFailure(string tenant, string userName, IPAddress? client);

    void Reset(string tenant, string userName, IPAddress? client);

    /// <summary>Lifts every address's block on the account (a password reset by an administrator).</summary>
    void ResetAccount(string tenant, string userName);
}

internal sealed class SignInThrottle(IMemoryCache cache) : ISignInThrottle
{
    /// <summary>Failures from one address before it is blocked for the account.</summary>
    public const int FailuresPerAddress = 5;

    /// <summary>Failures from anywhere before Identity locks the account itself.</summary>
    public const int AccountLockoutFailures = 20;

    public static readonly TimeSpan BlockDuration = TimeSpan.FromMinutes(15);

    public bool IsBlocked(string tenant, string userName, IPAddress? client) =>
        cache.TryGetValue(Key(tenant, userName, client), out Counter? counter) && counter!.Failures >= FailuresPerAddress;

    public bool RecordFailure(string tenant, string userName, IPAddress? client)
    {
        var key = Key(tenant, userName, client);
        var counter = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = BlockDuration;
            return new Counter();
        })!;
        return Interlocked.Increment(ref counter.Failures) == FailuresPerAddress;
    }

    public void Reset(string tenant, string userName, IPAddress? client) => cache.Remove(Key(tenant, userName, client));

    public void ResetAccount(string tenant, string userName)
    {
        // Counters are per address; a new generation of the account's keys forgets them all.
        var account = AccountKey(tenant, userName);
        cache.Set("signin-generation:" + account, Guid.NewGuid().ToString("N"), BlockDuration);
    }

    private string Key(string tenant, string userName, IPAddress? client)
    {
        var account = AccountKey(tenant, userName);
        var generation = cache.TryGetValue("signin-generation:" + account, out string? value) ? value : "";
        return "signin:" + account + "|" + generation + "|" + (RateLimitPolicies.ClientKey(client) ?? "local");
    }

    private static string AccountKey(string tenant, string userName) => tenant + "|" + userName.Trim().ToUpperInvariant();

    private sealed class Counter
    {
        public int Failures;
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RallyNov.Core.Web;

namespace RallyNov.Proposals.Public;

/// <summary>
/// Anti-abuse without tracking: a protected display time (the form must stay open a few seconds)
/// and a per-address count kept in memory for one hour. Nothing of it is written anywhere.
/// </summary>
public sealed class SubmissionGuard(IDataProtectionProvider protection, IOptions<ProposalsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly IDataProtector _protector = protection.CreateProtector("RallyNov.Proposals.FormTime");
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _hits = new(StringComparer.Ordinal);

    public string IssueToken() => _protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the token is genuine and old enough.</summary>
    public bool FilledByAPerson(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            var shown = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(_protector.Unprotect(token), CultureInfo.InvariantCulture));
            var elapsed = clock.GetUtcNow() - shown;
            return elapsed >= TimeSpan.FromSeconds(options.Value.MinimumFillSeconds) && elapsed < TimeSpan.FromDays(1);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Counts one submission for the address; false when its hourly allowance is used up.</summary>
    public bool TryCount(IPAddress? address)
    {
        var key = RateLimitPolicies.ClientKey(address) ?? "inconnue";
        var now = clock.GetUtcNow();
        var hits = _hits.GetOrAdd(key, _ => []);
        lock (hits)
        {
            hits.RemoveAll(t => now - t > Window);
            if (hits.Count >= options.Value.MaxPerHourPerAddress)
            {
                return false;
            }

            hits.Add(now);
        }

        // Forget idle addresses so the table never grows with the traffic.
        if (_hits.Count > 10_000)
        {
            foreach (var (k, list) in _hits)
            {
                lock (list)
                {
                    if (list.All(t => now - t > Window))
                    {
                        _hits.TryRemove(k, out _);
                    }
                }
            }
        }

        return true;
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RallyNov.Users.Data;

namespace RallyNov.Users.Services;

/// <summary>
/// The single-use links of the tenant's accounts. A link carries 256 random bits; the table keeps
/// their SHA-256 hash. A link works when it exists in this tenant's database, has the expected
/// purpose, is neither used nor revoked, has not expired (by the injected clock) and its account
/// is enabled. Using one revokes every other pending link of the account.
/// </summary>
internal sealed class AccountTokenStore(UsersDbContext db, TimeProvider clock)
{
    private const int SecretBytes = 32;

    /// <summary>Length of a secret in its base64url form (no padding).</summary>
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>Stores a new link and returns its secret (the only copy).</summary>
    public async Task<(string Secret, AccountToken Token)> IssueAsync(
        string userId, string purpose, TimeSpan lifetime, string? createdBy, bool revokePending, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var transaction = await UsersTransaction.BeginAsync(db, cancellationToken);
        if (revokePending)
        {
            await RevokeAsync(userId, purpose, cancellationToken);
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var token = new AccountToken
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            Purpose = purpose,
            TokenHash = Hash(secret),
            CreatedUtc = now,
            ExpiresUtc = now + lifetime,
            CreatedBy = createdBy,
        };
        db.AccountTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(token).State = EntityState.Detached;
        return (secret, token);
    }

    /// <summary>The link's row and account when the link works now; null otherwise (whatever the reason).</summary>
    public async Task<(AccountToken Token, RallyNovUser User)?> FindValidAsync(string? secret, string purpose, CancellationToken cancellationToken)
    {
        if (secret is null || secret.Length != SecretLength || !Base64Url.IsValid(secret))
        {
            return null;
        }

        var hash = Hash(secret);
        var now = Now();
        var token = await db.AccountTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedUtc == null && t.RevokedUtc == null, cancellationToken);
        if (token is null || DateTime.SpecifyKind(token.ExpiresUtc, DateTimeKind.Utc) <= now)
        {
            return null;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        return user is null || user.IsDisabled ? null : (token, user);
    }

    /// <summary>
    /// Marks the link used, once: of two requests racing with the same link only one gets true.
    /// The account's other pending links (resets and invitations) are revoked with it. Call inside
    /// the transaction that sets the password, so a failure leaves the link usable.
    /// </summary>
    public async Task<bool> ConsumeAsync(AccountToken token, CancellationToken cancellationToken)
    {
        var now = Now();
        var used = await db.AccountTokens
            .Where(t => t.Id == token.Id && t.UsedUtc == null && t.RevokedUtc == null && t.ExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedUtc, now), cancellationToken);
        if (used != 1)
        {
            return false;
        }

        await db.AccountTokens
            .Where(t => t.UserId == token.UserId && t.Id != token.Id && t.UsedUtc == null && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), cancellationToken);
        return true;
    }

    /// <summary>Revokes the account's pending links of one purpose; returns how many were still valid.</summary>
    public async Task<int> RevokeAsync(string userId, string purpose, CancellationToken cancellationToken)
    {
        var now = Now();
        var pending = await db.AccountTokens
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedUtc == null && t.RevokedUtc == null)
            .ToListAsync(cancellationToken);
        foreach (var token in pending)
        {
            token.RevokedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var token in pending)
        {
            db.Entry(token).State = EntityState.Detached;
        }

        return pending.Count(t => DateTime.SpecifyKind(t.ExpiresUtc, DateTimeKind.Utc) > now);
    }

    /// <summary>The latest invitation of each account that is neither used nor revoked (possibly expired).</summary>
    public async Task<IReadOnlyDictionary<string, AccountToken>> LatestInvitationsAsync(string? userId, CancellationToken cancellationToken)
    {
        var rows = await db.AccountTokens.AsNoTracking()
            .Where(t => t.Purpose == AccountTokenPurposes.Invitation && t.UsedUtc == null && t.RevokedUtc == null && (userId == null || t.UserId == userId))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(t => t.UserId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.CreatedUtc)!, StringComparer.Ordinal);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace RallyNov.Core.Data;

/// <summary>
/// Migrations at every start, without the migrator's cost when there is nothing to apply. EF's
/// <c>Migrate</c> takes its lock table and compares the model with the migrations' snapshot (two
/// model builds) before it even looks at the history; on a database already up to date that was
/// most of a tenant's start-up time (five contexts per tenant). One read of the context's own
/// history table tells whether any migration of this build is missing; only then does
/// <c>Migrate</c> run (still under the caller's cluster lock on PostgreSQL), and it applies exactly
/// what it would have applied anyway.
/// </summary>
public static class PendingMigrations
{
    /// <summary>Applies this build's missing migrations; returns false (nothing done) when none is missing.</summary>
    public static async Task<bool> MigrateWhenBehindAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!await IsBehindAsync(database, cancellationToken))
        {
            return false;
        }

        await database.MigrateAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether a migration of this build is not in the database's history (a new database has none).</summary>
    public static async Task<bool> IsBehindAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var applied = (await database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return database.GetMigrations().Any(migration => !applied.Contains(migration));
    }
}

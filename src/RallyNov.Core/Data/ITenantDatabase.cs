using RallyNov.Core.Tenants;

namespace RallyNov.Core.Data;

/// <summary>Opens, migrates and checks the database of a tenant.</summary>
public interface ITenantDatabase
{
    /// <summary>A new context on the tenant's database; the caller disposes it.</summary>
    RallyNovDbContext CreateContext(TenantSettings tenant);

    /// <summary>Creates or upgrades the schema. Called at tenant start and setup, never from a constructor.</summary>
    Task MigrateAsync(TenantSettings tenant, CancellationToken cancellationToken);

    Task<bool> CanConnectAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>True when the tenant's database (SQLite file, PostgreSQL schema) exists; never creates it.</summary>
    Task<bool> ExistsAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>Closes this process's pooled connections to the tenant's database (its files can then go).</summary>
    void ReleaseConnections(TenantSettings tenant);

    /// <summary>Deletes the tenant's database for good: the SQLite file (with its WAL) or the PostgreSQL schema.</summary>
    Task DeleteAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>
    /// Null when the tenant's database is there, readable and migrated at least once; otherwise
    /// what is wrong. Never creates anything (a missing SQLite file stays missing).
    /// </summary>
    Task<TenantOutage?> CheckAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>
    /// The outage an exception of the provider means (database file missing or corrupt, schema or
    /// tables gone, server unreachable), or null for any other error (a bug, a constraint...).
    /// </summary>
    TenantOutage? Classify(Exception exception);

    /// <summary>
    /// Puts the tenant's database aside, never deleting it (SQLite files renamed with a time stamp,
    /// PostgreSQL schema renamed), so that the tenant can be set up anew. Returns where it went, or
    /// null when there was nothing to move.
    /// </summary>
    Task<string?> MoveAsideAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>Provider actually used by the tenant ("Sqlite" or "Postgres").</summary>
    string ProviderOf(TenantSettings tenant);
}

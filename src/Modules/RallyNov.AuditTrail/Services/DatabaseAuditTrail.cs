using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RallyNov.AuditTrail.Data;
using RallyNov.Core.Auditing;
using RallyNov.Core.Tenants;

namespace RallyNov.AuditTrail.Services;

/// <summary>
/// Writes events to the tenant's AuditEvents table. A failure is logged and swallowed: the action
/// being audited has already happened, and its log line must not turn it into an error page.
/// </summary>
/// <remarks>
/// Its context is built at the first event only: the site settings, the content workflow and many
/// other services take this trail, and every public page builds some of them without writing
/// anything (building the context on the content context's connection cost ~15 % of a page's CPU).
/// </remarks>
internal sealed class DatabaseAuditTrail(
    Lazy<AuditTrailDbContext> context,
    AuditRetention retention,
    TenantContext tenant,
    ILogger<DatabaseAuditTrail> logger) : IAuditTrail
{
    private const string Savepoint = "audit_event";

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        // The write ignores the request's token: a visitor who closes the tab after a publish must
        // not leave that publish unrecorded.
        _ = cancellationToken;
        var db = context.Value;
        var ambient = db.Ambient.Current;
        try
        {
            // Inside a recipe the row joins the recipe's transaction. A savepoint keeps a failed
            // insert from poisoning it (PostgreSQL aborts a transaction after any failed statement).
            if (ambient is { SupportsSavepoints: true })
            {
                await ambient.SaveAsync(Savepoint, CancellationToken.None);
            }

            db.AuditEvents.Add(AuditEntryMapper.ToEntry(auditEvent));
            await db.SaveChangesAsync(CancellationToken.None);
            if (ambient is { SupportsSavepoints: true })
            {
                await ambient.ReleaseAsync(Savepoint, CancellationToken.None);
            }

            // Not inside someone else's transaction: a failed purge must not abort a recipe, and
            // the next ordinary write purges anyway.
            if (ambient is null)
            {
                await retention.PurgeIfDueAsync(db, tenant.Name, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Audit event {Action} of tenant {Tenant} could not be recorded.", auditEvent.Action, tenant.Name);
            await RollBackToSavepointAsync(ambient);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task RollBackToSavepointAsync(DbTransaction? ambient)
    {
        if (ambient is not { SupportsSavepoints: true } || ambient.Connection is null)
        {
            return;
        }

        try
        {
            await ambient.RollbackAsync(Savepoint, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Audit savepoint of tenant {Tenant} could not be rolled back.", tenant.Name);
        }
    }
}

/// <summary>Truncates to the column sizes: PostgreSQL refuses an over-long value, SQLite would keep it.</summary>
internal static class AuditEntryMapper
{
    public static AuditEntry ToEntry(AuditEvent e) => new()
    {
        Category = Cut(e.Category, 32)!,
        Action = Cut(e.Action, 64)!,
        UserName = Cut(e.UserName, 256),
        ItemId = Cut(e.ItemId, 256),
        ItemTitle = Cut(e.ItemTitle, 512),
        Details = Cut(e.Details, 4000),
        IpAddress = Cut(e.IpAddress, 64),
        UtcTime = e.UtcTime == default ? DateTime.UtcNow : DateTime.SpecifyKind(e.UtcTime, DateTimeKind.Utc),
    };

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..(length - 1)] + "…";
}

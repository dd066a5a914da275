using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Auditing;
using RallyNov.Core.Caching;
using RallyNov.Core.Data;

namespace RallyNov.Core.Settings;

/// <summary>Named JSON settings of the current tenant, stored in its database.</summary>
public interface ISiteSettingsService
{
    Task<JsonObject> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Saves a group; the audit trail lists the names of the changed keys (a value may be a secret).</summary>
    Task SaveAsync(string name, JsonObject value, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a group and records <paramref name="changes"/> as the audit details when anything
    /// changed: the caller, who knows the group holds no secret, describes it (« Couleur principale :
    /// #00609c → #7b1e3a »). Null falls back to the changed keys.
    /// </summary>
    Task SaveAsync(string name, JsonObject value, string? changes, CancellationToken cancellationToken);
}

internal sealed class SiteSettingsService(RallyNovDbContext db, TimeProvider clock, IAuditTrail audit, IAuditEventFactory auditEvents, ISiteChanges siteChanges) : ISiteSettingsService
{
    public async Task<JsonObject> GetAsync(string name, CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        return row?.Value ?? [];
    }

    /// <summary>Audit details are stored up to this length.</summary>
    private const int MaxDetails = 4000;

    public Task SaveAsync(string name, JsonObject value, CancellationToken cancellationToken) => SaveAsync(name, value, null, cancellationToken);

    public async Task SaveAsync(string name, JsonObject value, string? changes, CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (row is null)
        {
            row = new SiteSetting { Name = name };
            db.SiteSettings.Add(row);
        }

        var changed = ChangedKeys(row.Value, value);
        row.Value = (JsonObject)value.DeepClone();
        row.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await siteChanges.ChangedAsync(cancellationToken);

        // Only the names of the keys unless the caller described the change: a settings value may be a secret (an API key).
        if (changed.Count > 0)
        {
            var details = string.IsNullOrWhiteSpace(changes) ? "Clés modifiées : " + string.Join(", ", changed) : changes.Trim();
            await audit.RecordAsync(
                auditEvents.Create(AuditCategories.Settings, AuditActions.SettingsChanged, itemId: name, itemTitle: name, details: details.Length > MaxDetails ? details[..(MaxDetails - 1)] + "…" : details),
                cancellationToken);
        }
    }

    private static List<string> ChangedKeys(JsonObject? before, JsonObject after)
    {
        before ??= [];
        return before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal)
            .Where(key => !JsonNode.DeepEquals(before[key], after[key]))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Auditing;
using RallyNov.Core.Data;

namespace RallyNov.Core.Settings;

/// <summary>Named JSON settings of the current tenant, stored in its database.</summary>
public interface ISiteSettingsService
{
    Task<JsonObject> GetAsync(string name, CancellationToken cancellationToken);

    Task SaveAsync(string name, JsonObject value, CancellationToken cancellationToken);
}

internal sealed class SiteSettingsService(RallyNovDbContext db, TimeProvider clock, IAuditTrail audit, IAuditEventFactory auditEvents, SiteIdentityCache identities) : ISiteSettingsService
{
    public async Task<JsonObject> GetAsync(string name, CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        return row?.Value ?? [];
    }

    public async Task SaveAsync(string name, JsonObject value, CancellationToken cancellationToken)
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
        identities.Clear();

        // Only the names of the keys: a settings value may be a secret (an API key).
        if (changed.Count > 0)
        {
            await audit.RecordAsync(
                auditEvents.Create(AuditCategories.Settings, AuditActions.SettingsChanged, itemId: name, itemTitle: name, details: "Clés modifiées : " + string.Join(", ", changed)),
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

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.Core.Settings;

/// <summary>Named JSON settings of the current tenant, stored in its database.</summary>
public interface ISiteSettingsService
{
    Task<JsonObject> GetAsync(string name, CancellationToken cancellationToken);

    Task SaveAsync(string name, JsonObject value, CancellationToken cancellationToken);
}

internal sealed class SiteSettingsService(RallyNovDbContext db, TimeProvider clock) : ISiteSettingsService
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

        row.Value = (JsonObject)value.DeepClone();
        row.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}

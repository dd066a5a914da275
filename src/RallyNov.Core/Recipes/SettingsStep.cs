using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Core.Settings;

namespace RallyNov.Core.Recipes;

/// <summary>
/// "settings": every property but "name" is a settings group stored as is, e.g.
/// { "name": "settings", "site": { "siteName": "...", "tagline": "..." } }.
/// </summary>
internal sealed class SettingsStep(ISiteSettingsService settings, RallyNovDbContext db) : IRecipeStepHandler, IRecipeExportStep
{
    public string Name => "settings";

    public int Order => 0;

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var (group, value) in context.Step)
        {
            if (group == "name")
            {
                continue;
            }

            if (value is not JsonObject obj)
            {
                throw context.Fail("chaque groupe de réglages doit être un objet JSON.", group);
            }

            await settings.SaveAsync(group, obj, cancellationToken);
        }
    }

    /// <summary>Every settings group of the tenant ("site" and whatever modules store), by name.</summary>
    public async Task<JsonObject?> ExportAsync(CancellationToken cancellationToken)
    {
        var step = new JsonObject { ["name"] = Name };
        var rows = await db.SiteSettings.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.Name != "name" && r.Value.Count > 0))
        {
            step[row.Name] = row.Value.DeepClone();
        }

        return step.Count == 1 ? null : step;
    }
}

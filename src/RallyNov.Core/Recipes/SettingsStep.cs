using System.Text.Json.Nodes;
using RallyNov.Core.Settings;

namespace RallyNov.Core.Recipes;

/// <summary>
/// "settings": every property but "name" is a settings group stored as is, e.g.
/// { "name": "settings", "site": { "siteName": "...", "tagline": "..." } }.
/// </summary>
internal sealed class SettingsStep(ISiteSettingsService settings) : IRecipeStepHandler, IRecipeExportStep
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

    public async Task<JsonObject?> ExportAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync("site", cancellationToken);
        return site.Count == 0 ? null : new JsonObject { ["name"] = Name, ["site"] = site.DeepClone() };
    }
}

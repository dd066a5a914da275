using System.Globalization;
using System.Text.Json.Nodes;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Recipes;

/// <summary>Writes a tenant's settings, vocabularies and content in the recipe format.</summary>
public interface IRecipeExporter
{
    Task<JsonObject> ExportAsync(CancellationToken cancellationToken);
}

internal sealed class RecipeExporter(IEnumerable<IRecipeExportStep> steps, ITenantAccessor tenant, TimeProvider clock) : IRecipeExporter
{
    public async Task<JsonObject> ExportAsync(CancellationToken cancellationToken)
    {
        var array = new JsonArray();
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            if (await step.ExportAsync(cancellationToken) is { } json)
            {
                array.Add(json);
            }
        }

        return new JsonObject
        {
            ["name"] = "export-" + tenant.Required.Name.ToLowerInvariant(),
            ["displayName"] = $"Export du site {tenant.Required.Settings.DisplayName}",
            ["exportedUtc"] = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["steps"] = array,
        };
    }
}

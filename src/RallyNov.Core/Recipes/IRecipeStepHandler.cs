using System.Text.Json.Nodes;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Recipes;

/// <summary>Runs one kind of recipe step ("settings", "taxonomies", "content", modules add more).</summary>
public interface IRecipeStepHandler
{
    string Name { get; }

    /// <summary>Throws a <see cref="RecipeException"/> (via <see cref="RecipeStepContext.Fail"/>) on bad input.</summary>
    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

/// <summary>Contributes a step to a tenant export.</summary>
public interface IRecipeExportStep
{
    /// <summary>Lower numbers come first; content comes after what it references.</summary>
    int Order { get; }

    Task<JsonObject?> ExportAsync(CancellationToken cancellationToken);
}

public sealed class RecipeStepContext
{
    public required string File { get; init; }

    /// <summary>Folder of the recipe file, for steps that read files beside it; null for a recipe given as JSON alone.</summary>
    public string? Directory { get; init; }

    public required int Index { get; init; }

    public required string Name { get; init; }

    public required JsonObject Step { get; init; }

    public required TenantContext Tenant { get; init; }

    /// <summary>Stops the recipe; the whole run is rolled back.</summary>
    public RecipeException Fail(string problem, string? item = null) => RecipeException.For(File, Index, Name, item, problem);
}

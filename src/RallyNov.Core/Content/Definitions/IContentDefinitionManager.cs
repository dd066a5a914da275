using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Content.Definitions;

/// <summary>The content types declared by the host's modules, built once at start-up.</summary>
public interface IContentDefinitionManager
{
    IReadOnlyList<ContentTypeDefinition> AllTypes { get; }

    ContentTypeDefinition? Find(string contentType);

    /// <summary>The types available in a tenant: those of its enabled modules.</summary>
    IReadOnlyList<ContentTypeDefinition> TypesFor(TenantSettings tenant);
}

internal sealed class ContentDefinitionManager : IContentDefinitionManager
{
    private readonly ModuleCatalog _catalog;
    private readonly Dictionary<string, ContentTypeDefinition> _byName;

    public ContentDefinitionManager(ModuleCatalog catalog)
    {
        _catalog = catalog;
        var builder = new ContentDefinitionBuilder();
        foreach (var module in catalog.Modules)
        {
            builder.ModuleId = module.Id;
            module.DefineContent(builder);
        }

        AllTypes = builder.Types;
        _byName = AllTypes.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ContentTypeDefinition> AllTypes { get; }

    public ContentTypeDefinition? Find(string contentType) => _byName.GetValueOrDefault(contentType);

    public IReadOnlyList<ContentTypeDefinition> TypesFor(TenantSettings tenant)
    {
        var enabled = _catalog.EnabledFor(tenant);
        return AllTypes.Where(t => enabled.Contains(t.ModuleId)).ToList();
    }
}

using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// "search" in /health: ready only once the tenant's index holds a complete build, so that a
/// freshly started or repaired node is not sent visitors whose searches would find nothing.
/// </summary>
internal sealed class SearchHealthCheck(SearchIndexRegistry registry, ModuleCatalog catalog) : ITenantHealthCheck
{
    public string Name => "search";

    public TenantHealthEntry? Check(TenantSettings tenant)
    {
        if (!catalog.IsEnabled(tenant, SearchModule.ModuleId))
        {
            return null;
        }

        var state = SearchIndexStates.Of(registry.Peek(tenant.Name));
        return new TenantHealthEntry(state, state == SearchIndexStates.Ok);
    }
}

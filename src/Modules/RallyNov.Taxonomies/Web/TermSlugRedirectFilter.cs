using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;

namespace RallyNov.Taxonomies.Web;

/// <summary>
/// Keeps the filter URLs that used a term's old identifier working: « /initiatives?theme=mobilite »
/// answers 301 to « ?theme=mobilite-douce » once the term was renamed, merged or replaced (the old
/// identifiers are kept on the term, <see cref="TermData.FormerSlugs"/>). The query parameters it
/// watches are the search facets of the taxonomy fields (« departement », « theme »...), so a new
/// list filtering on a vocabulary is covered without touching this class.
/// </summary>
internal sealed class TermSlugRedirectFilter(ITenantAccessor tenants, ModuleCatalog catalog, IContentDefinitionManager definitions, ITermNames terms) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.QueryString.HasValue
            && !request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            && tenants.Current is { } tenant
            && catalog.IsEnabled(tenant.Settings, TaxonomiesModule.ModuleId)
            && await RedirectAsync(request, tenant.Settings, context.HttpContext.RequestAborted) is { } target)
        {
            context.Result = new RedirectResult(target, permanent: true);
            return;
        }

        await next();
    }

    private async Task<string?> RedirectAsync(HttpRequest request, TenantSettings tenant, CancellationToken cancellationToken)
    {
        var facets = definitions.TypesFor(tenant)
            .SelectMany(t => t.Fields)
            .Where(f => f.Kind == FieldKind.Taxonomy && f.Facet is not null && f.Vocabulary is not null)
            .GroupBy(f => f.Facet!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Vocabulary!, StringComparer.Ordinal);
        if (!request.Query.Keys.Any(facets.ContainsKey))
        {
            return null;
        }

        var changed = false;
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (name, values) in request.Query)
        {
            foreach (var value in values)
            {
                var next = value;
                if (facets.TryGetValue(name, out var vocabulary) && value is not null)
                {
                    var slug = value.Trim().ToLowerInvariant();
                    var vocabularyTerms = await terms.TermsAsync(vocabulary, cancellationToken);
                    if (vocabularyTerms.All(t => t.Slug != slug) && TermData.Resolve(vocabularyTerms, slug) is { } current)
                    {
                        next = current.Slug;
                        changed = true;
                    }
                }

                pairs.Add(new(name, next));
            }
        }

        return changed ? request.PathBase + request.Path + QueryString.Create(pairs) : null;
    }
}

using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Core.Text;
using RallyNov.Taxonomies;

namespace RallyNov.Proposals.Services;

/// <summary>
/// The département picks the site that reviews a proposal: the running site whose URL prefix is the
/// département's region (term data « region », "Franche-Comté" → /franche-comte). Without such a
/// site — a new territory not created yet — the proposal stays on the site it was made on.
/// </summary>
public sealed class ProposalRouter(ITaxonomyService taxonomies, ITenantStore tenants, TenantContext current)
{
    public async Task<TenantSettings> TargetAsync(string departement, CancellationToken cancellationToken)
    {
        var vocabulary = await taxonomies.GetAsync(Vocabularies.Departements, cancellationToken);
        var term = vocabulary?.Terms.FirstOrDefault(t => t.Slug == departement);
        var region = term?.Data["region"]?.GetValue<string>();
        if (region is null)
        {
            return current.Settings;
        }

        var prefix = SlugHelper.Slugify(region);
        return tenants.All.FirstOrDefault(t => t.State == TenantState.Running && TenantResolver.NormalizePrefix(t.UrlPrefix) == prefix)
            ?? current.Settings;
    }
}

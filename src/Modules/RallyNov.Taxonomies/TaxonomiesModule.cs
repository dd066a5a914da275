using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Taxonomies.Web;

namespace RallyNov.Taxonomies;

/// <summary>
/// Vocabularies (départements, thèmes, kinds) as the public site uses them. The tables, the
/// storage service, the "taxonomies" recipe step and the term changes (ITaxonomyEditor) are in the
/// Core; this module adds resolving the terms stored in content to their French names, the
/// « Vocabulaires » screens (add, rename, reorder, merge, delete terms) and the 301 from a term's
/// old identifier in filter URLs.
/// </summary>
public sealed class TaxonomiesModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Taxonomies";

    public override string Id => ModuleId;

    public override string DisplayName => "Taxonomies";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ITermNames, TermNames>();
        services.Configure<MvcOptions>(o => o.Filters.Add<TermSlugRedirectFilter>());
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu) =>
        menu.Add("Vocabulaires", "/admin/settings/vocabularies", position: 45, permission: Permissions.ManageTaxonomies);
}

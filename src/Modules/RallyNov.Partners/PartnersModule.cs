using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Contents.Syndication;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Taxonomies;

namespace RallyNov.Partners;

/// <summary>Funders and partners of the network, shown grouped by kind.</summary>
public sealed class PartnersModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Partners";

    public override string Id => ModuleId;

    public override string DisplayName => "Partenaires";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId, TaxonomiesModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new PublicListRoute(ModuleId, "/partenaires"));
        services.AddSiteSection(new SiteSection("partenaires", ModuleId, "/partenaires", "Partenaires", [PartnerFields.Type], 50));
    }

    public override void DefineContent(ContentDefinitionBuilder builder)
    {
        builder.Type(PartnerFields.Type, "Partenaire", type => type
            .Creatable().Draftable().Listable()
            .Route("/partenaires/{slug}")
            .Title("Nom")
            .Slug()
            .Taxonomy(PartnerFields.Kind, "Type de partenaire", Vocabularies.PartnerKinds)
            .Media(PartnerFields.Logo, "Logo", f => f.AllowSvg().Hint("Le logo en SVG de préférence (net à toutes les tailles) ; sinon en PNG sur fond transparent."))
            .Link(PartnerFields.Website, "Site web")
            .Text(PartnerFields.Description, "Description", f => f.MaxLength(500).Multiline())
            .Text(PartnerFields.Involvement, "Engagement", f => f.MaxLength(200).Hint("Par exemple « Partenaire de l'édition 2014 » ou « Financeur depuis 2023 »."))
            .Number(PartnerFields.Order, "Ordre d'affichage", f => f.Integer().Range(0, 1000).Hint("Les plus petits d'abord, dans leur groupe.")));
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("Partenaires", "/admin/contents?type=Partner", position: 16, permission: "ViewContent");
    }
}

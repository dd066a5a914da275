using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Contents.Home;
using RallyNov.Contents.Syndication;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Initiatives.Home;
using RallyNov.Initiatives.Impact;
using RallyNov.Initiatives.Models;
using RallyNov.Initiatives.OpenData;
using RallyNov.Taxonomies;

namespace RallyNov.Initiatives;

/// <summary>Social innovations identified on the territory: the heart of the site.</summary>
public sealed class InitiativesModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Initiatives";

    public override string Id => ModuleId;

    public override string DisplayName => "Initiatives";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId, TaxonomiesModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IHomeSection, InitiativesHomeSection>();
        services.AddScoped<OpenDataExporter>();
        services.AddScoped<IInitiativeImpact, InitiativeImpact>();
        services.AddScoped<InitiativeCards>();
        services.AddSiteMapEntry(new SiteMapEntry(ModuleId, "/donnees", "Données ouvertes", 30));
        services.AddSingleton(new PublicListRoute(ModuleId, "/initiatives"));
        services.AddSiteSection(new SiteSection("initiatives", ModuleId, "/initiatives", "Initiatives", [InitiativeFields.Type], 10));
        services.AddSingleton(new FeedSource(ModuleId, InitiativeFields.Type, InitiativeFields.Summary));
    }

    public override void DefineContent(ContentDefinitionBuilder builder)
    {
        builder.Type(InitiativeFields.Type, "Initiative", type => type
            .Creatable().Draftable().Versionable().Listable()
            .Route("/initiatives/{slug}")
            .Title()
            .Slug()
            .Text(InitiativeFields.Summary, "Résumé", f => f.MaxLength(300).Multiline().Hint("Deux ou trois phrases, reprises dans les listes."))
            .RichText(InitiativeFields.Body, "Description")
            .Text(InitiativeFields.StructureName, "Structure porteuse", f => f.MaxLength(200))
            .Taxonomy(InitiativeFields.StructureKind, "Type de structure", Vocabularies.StructureKinds)
            .Text(InitiativeFields.City, "Commune", f => f.MaxLength(100))
            .Taxonomy(InitiativeFields.Departement, "Département", Vocabularies.Departements, f => f.Facet("departement"))
            .Taxonomy(InitiativeFields.Themes, "Thèmes", Vocabularies.Themes, f => f.Multiple().Facet("theme"))
            .Number(InitiativeFields.YearIdentified, "Année de repérage", f => f.Integer().Range(1990, 2100).Facet("annee").Hint("L'année où rally'nov a repéré l'initiative."))
            .Number(InitiativeFields.YearFounded, "Année de création", f => f.Integer().Range(1900, 2100))
            .Media(InitiativeFields.Image, "Image")
            .Link(InitiativeFields.Website, "Site web")
            .Text(InitiativeFields.Source, "Origine", f => f.Options(InitiativeFields.SourceEditorial, InitiativeFields.SourceProposal))
            .Number(InitiativeFields.ImpactJobs, "Impact : emplois créés ou maintenus", f => f.Integer().Range(0, ImpactFigures.Maximum).Hint("Indicateurs d'impact facultatifs : laissez vide ce qui n'est pas connu. Ils s'additionnent sur l'accueil et la carte."))
            .Number(InitiativeFields.ImpactPeople, "Impact : personnes touchées", f => f.Integer().Range(0, ImpactFigures.Maximum))
            .Number(InitiativeFields.ImpactVolunteers, "Impact : bénévoles", f => f.Integer().Range(0, ImpactFigures.Maximum))
            .Number(InitiativeFields.ImpactPartners, "Impact : partenaires", f => f.Integer().Range(0, ImpactFigures.Maximum))
            .Number(InitiativeFields.ImpactYear, "Impact : année de mesure", f => f.Integer().Range(1990, 2100).Hint("L'année à laquelle les chiffres d'impact se rapportent.")));
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("Initiatives", "/admin/contents?type=Initiative", position: 10, permission: "ViewContent");
        menu.QuickAction("Nouvelle initiative", "/admin/contents/new/" + InitiativeFields.Type, position: 10, permission: "EditOwnContent");
    }
}

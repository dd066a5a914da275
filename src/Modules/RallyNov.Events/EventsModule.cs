using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Contents.Home;
using RallyNov.Contents.Syndication;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Events.Home;
using RallyNov.Taxonomies;

namespace RallyNov.Events;

/// <summary>Meetings, seminars, workshops, fairs and prize ceremonies, with iCalendar export.</summary>
public sealed class EventsModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Events";

    public override string Id => ModuleId;

    public override string DisplayName => "Événements";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId, TaxonomiesModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IHomeSection, EventsHomeSection>();
        services.AddSingleton(new PublicListRoute(ModuleId, "/evenements"));
        services.AddSiteSection(new SiteSection("evenements", ModuleId, "/evenements", "Événements", [EventFields.Type], 30));
    }

    public override void DefineContent(ContentDefinitionBuilder builder)
    {
        builder.Type(EventFields.Type, "Événement", type => type
            .Creatable().Draftable().Versionable().Listable()
            .Route("/evenements/{slug}")
            .Title()
            .Slug()
            .Taxonomy(EventFields.Kind, "Type d'événement", Vocabularies.EventKinds)
            .DateTime(EventFields.Start, "Début", f => f.Facet("annee").Hint("Heure de Paris. Laisser vide si le jour n'est pas connu."))
            .DateTime(EventFields.End, "Fin")
            .Text(EventFields.Period, "Période (si le jour est inconnu)", f => f.MaxLength(60).Hint("Par exemple « mai 2014 »."))
            .Number(EventFields.Year, "Année", f => f.Integer().Range(1990, 2100).Facet("annee").Hint("Sert au classement quand le jour n'est pas connu."))
            .Text(EventFields.Venue, "Lieu", f => f.MaxLength(200))
            .Text(EventFields.City, "Commune", f => f.MaxLength(100))
            .Taxonomy(EventFields.Departement, "Département", Vocabularies.Departements, f => f.Facet("departement"))
            .Text(EventFields.Summary, "Résumé", f => f.MaxLength(300).Multiline())
            .RichText(EventFields.Programme, "Programme et compte rendu")
            .Number(EventFields.Participants, "Nombre de participants", f => f.Integer().Range(0, 100_000))
            .Number(EventFields.Structures, "Structures représentées", f => f.Integer().Range(0, 10_000))
            .Text(EventFields.Speakers, "Intervenants", f => f.MaxLength(1000))
            .Link(EventFields.Video, "Vidéo (replay)")
            .Link(EventFields.Registration, "Inscription")
            .Boolean(EventFields.FreeEntry, "Entrée libre et gratuite", f => f.Hint("Cochez si tout le monde peut venir sans payer."))
            .Media(EventFields.Image, "Image"));
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("Événements", "/admin/contents?type=Event", position: 14, permission: "ViewContent");
    }
}

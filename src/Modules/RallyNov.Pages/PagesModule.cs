using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Contents.Home;
using RallyNov.Contents.Syndication;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Pages.Home;
using RallyNov.Pages.SiteMap;

namespace RallyNov.Pages;

/// <summary>
/// Plain pages (about, conditions favourable to social innovation...), news (actualités),
/// key figures and the home page, which shows the sections every enabled module contributes.
/// </summary>
public sealed class PagesModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Pages";
    public const string PageType = "Page";
    public const string NewsType = "News";
    public const string KeyFiguresType = "KeyFigures";

    public override string Id => ModuleId;

    public override string DisplayName => "Pages";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<HomePageBuilder>();
        services.AddScoped<SiteMapBuilder>();
        services.AddScoped<IHomeSection, KeyFiguresHomeSection>();
        services.AddScoped<IHomeSection, NewsHomeSection>();
        services.AddScoped<IHomeSection, TerritoriesHomeSection>();
        services.AddScoped<IHomeSection, PagesHomeSection>();
        services.AddSingleton(new PublicListRoute(ModuleId, "/actualites"));
        services.AddSiteSection(new SiteSection("actualites", ModuleId, "/actualites", "Actualités", [NewsType], 40));
        services.AddSingleton(new FeedSource(ModuleId, NewsType, NewsFields.Summary, NewsFields.Date));
    }

    public override void DefineContent(ContentDefinitionBuilder builder)
    {
        builder.Type(PageType, "Page", type => type
            .Creatable().Draftable().Versionable().Listable()
            .Route("/pages/{slug}")
            .Title()
            .Slug()
            .Text("Summary", "Résumé", f => f.MaxLength(300).Multiline().Hint("Une ou deux phrases, reprises dans les listes et les moteurs de recherche."))
            .RichText("Body", "Contenu"));

        builder.Type(NewsType, "Actualité", type => type
            .Creatable().Draftable().Versionable().Listable()
            .Route("/actualites/{slug}")
            .Title()
            .Slug()
            .DateTime(NewsFields.Date, "Date", f => f.DateOnly().Facet("annee").Hint("Date de l'actualité ; laisser vide si elle n'est pas connue."))
            .Text(NewsFields.Summary, "Résumé", f => f.MaxLength(300).Multiline())
            .RichText(NewsFields.Body, "Contenu")
            .Media(NewsFields.Image, "Image"));

        // One item per year; the figures are lines "value | label", the simplest list an editor can type.
        builder.Type(KeyFiguresType, "Chiffres clés", type => type
            .Creatable().Draftable().Listable()
            .Title()
            .Number(KeyFigureFields.Year, "Année", f => f.Required().Integer().Range(1990, 2100))
            .Markdown(KeyFigureFields.Figures, "Chiffres", f => f.Required().MaxLength(4000).Hint("Une ligne par chiffre : valeur | libellé. Exemple : 143 | participants à la rencontre régionale"))
            .Text(KeyFigureFields.Source, "Source", f => f.MaxLength(200)));
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("Pages", "/admin/contents?type=Page", position: 20, permission: "ViewContent");
        menu.Add("Actualités", "/admin/contents?type=News", position: 22, permission: "ViewContent");
        menu.Add("Chiffres clés", "/admin/contents?type=KeyFigures", position: 24, permission: "ViewContent");
    }
}

using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Contents.Home;
using RallyNov.Contents.Syndication;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Initiatives;
using RallyNov.Laureates.Home;

namespace RallyNov.Laureates;

/// <summary>Winners of the yearly social innovation prize, each pointing at the initiative it rewards.</summary>
public sealed class LaureatesModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Laureates";

    public override string Id => ModuleId;

    public override string DisplayName => "Lauréats";

    // The picker targets initiatives: without that module a laureate could point at nothing.
    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId, InitiativesModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IHomeSection, LaureatesHomeSection>();
        services.AddSingleton(new PublicListRoute(ModuleId, "/laureats"));
        services.AddSiteSection(new SiteSection("laureats", ModuleId, "/laureats", "Lauréats", [LaureateFields.Type], 20));
    }

    public override void DefineContent(ContentDefinitionBuilder builder)
    {
        builder.Type(LaureateFields.Type, "Lauréat", type => type
            .Creatable().Draftable().Versionable().Listable()
            .Route("/laureats/{slug}")
            .Title()
            .Slug()
            .ContentPicker(LaureateFields.Initiative, "Initiative récompensée", f => f.Types(InitiativeFields.Type))
            .Text(LaureateFields.PrizeName, "Prix", f => f.MaxLength(150))
            .Number(LaureateFields.PrizeYear, "Année du prix", f => f.Required().Integer().Range(2000, 2100).Facet("annee"))
            .Number(LaureateFields.Amount, "Montant (euros)", f => f.Integer().Range(0, 1_000_000))
            .Text(LaureateFields.Summary, "Citation", f => f.MaxLength(300).Multiline().Hint("Pourquoi le jury l'a distingué, en une ou deux phrases."))
            .RichText(LaureateFields.Body, "Présentation")
            .Media(LaureateFields.Image, "Image")
            .Link(LaureateFields.Video, "Vidéo (replay)"));
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("Lauréats", "/admin/contents?type=Laureate", position: 12, permission: "ViewContent");
    }
}

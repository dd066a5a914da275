using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;

namespace RallyNov.Core.Tests.Support;

/// <summary>The content types the content and recipe tests run against.</summary>
public sealed class TestModule : ModuleBase
{
    public override string Id => "RallyNov.Tests";

    public override string DisplayName => "Module de test";

    public override void DefineContent(ContentDefinitionBuilder builder)
    {
        builder.Type("Article", "Article", t => t
            .Creatable().Draftable().Versionable().Listable()
            .Route("/articles/{slug}")
            .Title()
            .Slug()
            .Text("Summary", "Résumé", f => f.MaxLength(300).Multiline())
            .RichText("Body", "Corps")
            .Number("Year", "Année", f => f.Integer().Range(1990, 2100))
            .Taxonomy("Themes", "Thèmes", "themes", f => f.Multiple())
            .ContentPicker("Related", "Voir aussi", f => f.Types("Article").Multiple())
            .Link("Website", "Site web")
            .Media("Image", "Image")
            .DateTime("Date", "Date")
            .Boolean("Featured", "À la une"));

        // Not draftable: every save publishes.
        builder.Type("Partner", "Partenaire", t => t
            .Creatable().Listable()
            .Title()
            .Slug()
            .Link("Website", "Site web")
            .Media("Logo", "Logo", f => f.AllowSvg()));

        // Draftable but not versionable: a draft is updated in place.
        builder.Type("Note", "Note", t => t
            .Creatable().Draftable()
            .Title()
            .Text("Summary", "Résumé"));
    }
}

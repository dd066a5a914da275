using RallyNov.Contents;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;

namespace RallyNov.Pages;

/// <summary>Plain pages (about, conditions favourable to social innovation...) and the home page.</summary>
public sealed class PagesModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Pages";
    public const string PageType = "Page";

    public override string Id => ModuleId;

    public override string DisplayName => "Pages";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId];

    public override void DefineContent(ContentDefinitionBuilder builder)
    {
        builder.Type(PageType, "Page", type => type
            .Creatable().Draftable().Versionable().Listable()
            .Route("/pages/{slug}")
            .Title()
            .Slug()
            .Text("Summary", "Résumé", f => f.MaxLength(300).Hint("Une ou deux phrases, reprises dans les listes et les moteurs de recherche."))
            .RichText("Body", "Contenu"));
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("Pages", "/admin/contents?type=Page", position: 20, permission: "ViewContent");
    }
}

using RallyNov.Contents.Home;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Laureates.Models;

namespace RallyNov.Laureates.Home;

/// <summary>The laureates of the latest prize year on the home page.</summary>
internal sealed class LaureatesHomeSection(IPublishedViews views, IContentManager contents) : IHomeSection
{
    public string Key => "laureats";

    public string Label => "Lauréats du dernier prix";

    public string ModuleId => LaureatesModule.ModuleId;

    public int Order => 30;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        var years = (await LaureateCatalog.GetAsync(views, contents, cancellationToken)).Years;
        return years.Count == 0 ? null : new HomeSectionView("/Views/Laureates/_HomeSection.cshtml", years[0]);
    }
}

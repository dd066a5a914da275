using RallyNov.Contents.Home;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Initiatives.Models;

namespace RallyNov.Initiatives.Home;

/// <summary>The latest initiatives on the home page.</summary>
internal sealed class InitiativesHomeSection(
    IPublishedContentReader reader,
    IContentManager contents,
    IEnumerable<IPublishedListIndex> listIndexes) : IHomeSection
{
    private const int Count = 6;

    public string Key => "initiatives";

    public string Label => "Dernières initiatives";

    public string ModuleId => InitiativesModule.ModuleId;

    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        // Same source as /initiatives: six items from the index, not every initiative parsed.
        var list = await InitiativeListData.LoadAsync(new InitiativeFilter(), Count, listIndexes.FirstOrDefault(), reader, contents, cancellationToken);
        if (list.GrandTotal == 0)
        {
            return null;
        }

        return new HomeSectionView("/Views/Initiatives/_HomeSection.cshtml", new InitiativesHomeModel(list.Items, list.GrandTotal));
    }
}

public sealed record InitiativesHomeModel(IReadOnlyList<ContentItem> Latest, int Total);

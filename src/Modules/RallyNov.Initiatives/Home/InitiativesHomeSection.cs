using RallyNov.Contents.Home;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Initiatives.Impact;
using RallyNov.Initiatives.Models;
using RallyNov.Taxonomies;

namespace RallyNov.Initiatives.Home;

/// <summary>The latest initiatives on the home page.</summary>
internal sealed class InitiativesHomeSection(
    IPublishedContentReader reader,
    IContentManager contents,
    IEnumerable<IPublishedListIndex> listIndexes,
    InitiativeCards cards,
    ITermNames terms,
    IInitiativeImpact impact) : IHomeSection
{
    private const int Count = 6;

    public string Key => "initiatives";

    public string Label => "Dernières initiatives";

    public string ModuleId => InitiativesModule.ModuleId;

    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        // Same source as /initiatives: six items from the index, not every initiative parsed.
        var list = await InitiativeListData.LoadAsync(new InitiativeFilter(), Count, listIndexes.FirstOrDefault(), reader, contents, cards, terms, cancellationToken);
        if (list.GrandTotal == 0)
        {
            return null;
        }

        return new HomeSectionView("/Views/Initiatives/_HomeSection.cshtml", new InitiativesHomeModel(list.Items, list.GrandTotal)
        {
            Impact = (await impact.CurrentAsync(cancellationToken)).Total,
            Network = await impact.NetworkAsync(cancellationToken),
        });
    }
}

public sealed record InitiativesHomeModel(IReadOnlyList<InitiativeCard> Latest, int Total)
{
    /// <summary>What this site's published initiatives declare, summed.</summary>
    public ImpactFigures Impact { get; init; } = ImpactFigures.None;

    /// <summary>On the portal: each site of the network with its sums (only sites that declared something).</summary>
    public IReadOnlyList<SiteImpact> Network { get; init; } = [];
}

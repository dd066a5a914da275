using RallyNov.Contents.Home;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Initiatives.Models;

namespace RallyNov.Initiatives.Home;

/// <summary>The latest initiatives on the home page.</summary>
internal sealed class InitiativesHomeSection(IPublishedContentReader reader) : IHomeSection
{
    private const int Count = 6;

    public string ModuleId => InitiativesModule.ModuleId;

    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        var all = await reader.AllAsync(InitiativeFields.Type, cancellationToken);
        if (all.Count == 0)
        {
            return null;
        }

        return new HomeSectionView("/Views/Initiatives/_HomeSection.cshtml", new InitiativesHomeModel(InitiativeCatalog.Ordered(all).Take(Count).ToList(), all.Count));
    }
}

public sealed record InitiativesHomeModel(IReadOnlyList<ContentItem> Latest, int Total);

using RallyNov.Contents.Display;
using RallyNov.Contents.Home;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Pages.Models;

namespace RallyNov.Pages.Home;

/// <summary>Built once per tenant version (immutable: shared by requests).</summary>
public sealed record KeyFiguresHomeModel(int Year, IReadOnlyList<KeyFigure> Figures, string? Source);

/// <summary>The key figures of the latest year, first thing under the welcome text.</summary>
internal sealed class KeyFiguresHomeSection(IPublishedViews views) : IHomeSection
{
    public string Key => "chiffres-cles";

    public string Label => "Chiffres clés";

    public string ModuleId => PagesModule.ModuleId;

    public int Order => 10;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        var latest = await views.GetAsync(PagesModule.KeyFiguresType, "latest", async (reader, ct) =>
            (await reader.AllAsync(PagesModule.KeyFiguresType, ct))
                .Select(i => new KeyFiguresHomeModel(i.GetInt(KeyFigureFields.Year) ?? 0, KeyFigureParser.Parse(i.GetString(KeyFigureFields.Figures)), i.GetString(KeyFigureFields.Source)))
                .Where(x => x.Figures.Count > 0)
                .OrderByDescending(x => x.Year)
                .FirstOrDefault() is { } found ? new[] { found } : [], cancellationToken);
        return latest.Length == 0 ? null : new HomeSectionView("/Views/Home/_KeyFigures.cshtml", latest[0]);
    }
}

/// <summary>The latest news on the home page.</summary>
internal sealed class NewsHomeSection(IPublishedViews views) : IHomeSection
{
    private const int Count = 3;

    public string Key => "actualites";

    public string Label => "Dernières actualités";

    public string ModuleId => PagesModule.ModuleId;

    public int Order => 50;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        var news = (await NewsCard.NewestAsync(views, cancellationToken)).Take(Count).ToList();
        return news.Count == 0 ? null : new HomeSectionView("/Views/News/_HomeSection.cshtml", news);
    }
}

/// <summary>The published pages (« À lire aussi »), by title: about, conditions favourable to social innovation...</summary>
internal sealed class PagesHomeSection(IContentManager contents, IPublishedViews views) : IHomeSection
{
    public string Key => "pages";

    public string Label => "À lire aussi (les pages publiées)";

    public string ModuleId => PagesModule.ModuleId;

    public int Order => 100;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        var pages = await views.GetAsync<IReadOnlyList<PageCard>>(PagesModule.PageType, "home", async (_, ct) =>
            (await contents.QueryAsync(
                new ContentQuery { ContentTypes = [PagesModule.PageType], Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, PageSize = 50 },
                ct)).Items.Select(PageCard.From).ToArray(),
            cancellationToken);
        return pages.Count == 0 ? null : new HomeSectionView("/Views/Home/_Pages.cshtml", pages);
    }
}

/// <summary>A page's card on the home (« À lire aussi »), read from its JSON once (immutable: shared by requests).</summary>
public sealed record PageCard(string ContentType, string? Slug, string Title, string? Summary, MediaValue? Image)
{
    public static PageCard From(ContentItem item) => new(item.ContentType, item.Slug, item.DisplayText, item.GetString("Summary"), item.GetMedia("Image"));
}

public static class NewsOrdering
{
    /// <summary>By date, newest first; news without a known date after the dated ones.</summary>
    public static IEnumerable<ContentItem> Newest(IEnumerable<ContentItem> news) =>
        news.OrderByDescending(n => n.GetDateTime(NewsFields.Date) ?? DateTime.MinValue)
            .ThenByDescending(n => n.PublishedUtc)
            .ThenBy(n => n.DisplayText, StringComparer.Ordinal);
}

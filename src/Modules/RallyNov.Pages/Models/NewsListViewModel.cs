using RallyNov.Contents.Display;
using RallyNov.Core.Content;

namespace RallyNov.Pages.Models;

public sealed class NewsListViewModel
{
    public required IReadOnlyList<NewsCard> Items { get; init; }

    public required PagerModel Pager { get; init; }
}

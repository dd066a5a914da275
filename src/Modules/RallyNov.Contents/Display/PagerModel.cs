namespace RallyNov.Contents.Display;

/// <summary>Data of the shared pager partial (Views/Shared/_Pager.cshtml): plain links, no script.</summary>
/// <param name="PageUrl">Builds the URL of a page number, keeping the current filters.</param>
public sealed record PagerModel(int Page, int PageCount, int Total, Func<int, string> PageUrl)
{
    /// <summary>Pages linked on each side of the current one.</summary>
    public const int Around = 2;

    /// <summary>
    /// The page numbers to link: the first, the last and <see cref="Around"/> on each side of the
    /// current one; 0 marks a gap (« … »). A list of 100 000 items has thousands of pages: linking
    /// each one made a 160 kB page, most of it pager.
    /// </summary>
    public IReadOnlyList<int> Pages()
    {
        var pages = new List<int>();
        for (var i = 1; i <= PageCount; i++)
        {
            if (i == 1 || i == PageCount || Math.Abs(i - Page) <= Around)
            {
                pages.Add(i);
            }
            else if (pages[^1] != 0)
            {
                pages.Add(0);
            }
        }

        return pages;
    }
}

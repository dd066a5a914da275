namespace RallyNov.Contents.Display;

/// <summary>Data of the shared pager partial (Views/Shared/_Pager.cshtml): plain links, no script.</summary>
/// <param name="PageUrl">Builds the URL of a page number, keeping the current filters.</param>
public sealed record PagerModel(int Page, int PageCount, int Total, Func<int, string> PageUrl);

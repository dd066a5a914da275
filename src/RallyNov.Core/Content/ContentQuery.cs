namespace RallyNov.Core.Content;

public enum ContentStatus
{
    /// <summary>Published versions only (what visitors see).</summary>
    Published,

    /// <summary>Latest versions, whatever their state (editor lists).</summary>
    Latest,

    /// <summary>Items whose latest version is a draft.</summary>
    Draft,

    /// <summary>Published items that also have a newer draft.</summary>
    PublishedWithDraft,

    /// <summary>Items in the bin.</summary>
    Deleted,

    /// <summary>Items whose latest draft was submitted for review and is not published yet.</summary>
    AwaitingReview,

    /// <summary>Items whose latest draft has a scheduled publication date.</summary>
    Scheduled,
}

public enum ContentOrder
{
    ModifiedDescending,
    PublishedDescending,
    CreatedDescending,
    TitleAscending,
}

/// <summary>Filters for a content list; translated to one SQL query plus one count.</summary>
public sealed record ContentQuery
{
    public IReadOnlyList<string>? ContentTypes { get; init; }

    public ContentStatus Status { get; init; } = ContentStatus.Published;

    public string? Owner { get; init; }

    /// <summary>Text contained in the title, case-insensitive.</summary>
    public string? Title { get; init; }

    public ContentOrder Order { get; init; } = ContentOrder.ModifiedDescending;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

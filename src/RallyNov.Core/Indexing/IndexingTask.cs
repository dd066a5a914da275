namespace RallyNov.Core.Indexing;

public enum IndexingTaskKind
{
    Publish,
    Unpublish,
    Delete,
}

/// <summary>
/// One row of the change log search indexes follow. Written in the same transaction as the
/// change it records; the auto-increment id is the cursor readers persist.
/// </summary>
public sealed class IndexingTask
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public IndexingTaskKind Kind { get; set; }

    public DateTime CreatedUtc { get; set; }
}

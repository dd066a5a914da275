namespace RallyNov.Media.Data;

/// <summary>What the library knows about one stored file; the bytes live in the tenant's Media folder.</summary>
public sealed class MediaFile
{
    public long Id { get; set; }

    /// <summary>Path relative to the Media folder, '/'-separated, normalised: "dossier/photo.jpg".</summary>
    public string Path { get; set; } = "";

    /// <summary>Folder part of <see cref="Path"/> ("" for the root), kept as a column for listings.</summary>
    public string Folder { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public string Alt { get; set; } = "";

    public string? Title { get; set; }

    public string? UploadedBy { get; set; }

    public DateTime UploadedUtc { get; set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

namespace RallyNov.Media;

/// <summary>Section RallyNov:Media of the configuration.</summary>
public sealed class MediaOptions
{
    public const string Section = "RallyNov:Media";

    /// <summary>
    /// A folder shared by every node (an NFS or CephFS mount) holding each tenant's media and
    /// variants in {Root}/{tenant}/Media and {Root}/{tenant}/MediaCache; relative paths start at the
    /// content root. Empty: in each tenant's data folder (Sites/{tenant}/Media), as on one node.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>Largest accepted upload, in bytes (10 Mo by default).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Cache-Control max-age of served media and variants, in seconds (7 days by default).</summary>
    public int CacheMaxAgeSeconds { get; set; } = 7 * 24 * 3600;
}

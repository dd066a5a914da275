namespace RallyNov.Media;

/// <summary>Section RallyNov:Media of the configuration.</summary>
public sealed class MediaOptions
{
    public const string Section = "RallyNov:Media";

    /// <summary>Largest accepted upload, in bytes (10 Mo by default).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Cache-Control max-age of served media and variants, in seconds (7 days by default).</summary>
    public int CacheMaxAgeSeconds { get; set; } = 7 * 24 * 3600;
}

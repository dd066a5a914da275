namespace RallyNov.Core.Media;

/// <summary>
/// Makes an uploaded SVG safe to store and serve: what can run code or fetch something from
/// elsewhere goes (scripts, event handlers, external references, HTML islands, animations that
/// rewrite attributes, style sheets that import or point outside), what draws stays. A document
/// that cannot be checked (not well-formed, entities, not an SVG) is refused with a French reason.
/// Used by the media library and by any other upload of a logo (site settings).
/// </summary>
public interface ISvgSanitizer
{
    /// <summary>Cleans <paramref name="svg"/> (the uploaded bytes, any XML encoding) into UTF-8 SVG.</summary>
    SvgSanitizeResult Sanitize(ReadOnlySpan<byte> svg);
}

/// <summary>
/// The cleaned document, or the French reason it was refused. <see cref="Removed"/> lists, in French,
/// what was taken out ("1 script", "2 attributs d'événement (onload…)"), to tell the person who sent it.
/// </summary>
public sealed record SvgSanitizeResult(byte[]? Svg, string? Error, IReadOnlyList<string> Removed)
{
    public bool Succeeded => Svg is not null;

    public static SvgSanitizeResult Refused(string error) => new(null, error, []);

    /// <summary>"ce qui a été retiré par sécurité : 1 script, 2 attributs d'événement (onload…)", or null when nothing was.</summary>
    public string? RemovedSummary => Removed.Count == 0 ? null : "ce qui a été retiré par sécurité : " + string.Join(", ", Removed);
}

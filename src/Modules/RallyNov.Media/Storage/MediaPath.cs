using RallyNov.Core.Text;

namespace RallyNov.Media.Storage;

/// <summary>
/// Media paths are relative, '/'-separated and made only of normalised segments. Everything that
/// reaches the disk goes through here: a path from a form, a query string or a URL either comes
/// out as a clean relative path or is refused — it is never "repaired" into something else.
/// </summary>
public static class MediaPath
{
    public const int MaxSegmentLength = 120;
    public const int MaxDepth = 8;

    /// <summary>
    /// A folder path ("" = the root) typed by a user or sent by a form: every segment must already
    /// be a valid folder name; "..", ".", backslashes, drive letters, absolute and encoded paths are refused.
    /// </summary>
    public static bool TryParseFolder(string? input, out string folder)
    {
        folder = "";
        if (string.IsNullOrEmpty(input))
        {
            return true;
        }

        if (!TrySplit(input, out var segments) || segments.Any(s => !IsFolderName(s)))
        {
            return false;
        }

        folder = string.Join('/', segments);
        return true;
    }

    /// <summary>A stored file path ("dossier/photo.jpg"): folder segments plus a file name with its extension.</summary>
    public static bool TryParseFile(string? input, out string path)
    {
        path = "";
        if (string.IsNullOrEmpty(input) || !TrySplit(input, out var segments) || segments.Count == 0)
        {
            return false;
        }

        if (segments.Take(segments.Count - 1).Any(s => !IsFolderName(s)) || !IsFileName(segments[^1]))
        {
            return false;
        }

        path = string.Join('/', segments);
        return true;
    }

    public static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    public static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Combine(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;

    /// <summary>A folder name as created: slugified ("Photos été 2023" → "photos-ete-2023"), "" when nothing is left.</summary>
    public static string NormalizeFolderName(string? name) => Truncate(SlugHelper.Slugify(name));

    /// <summary>
    /// The base of a stored file name: the uploaded name without its extension, slugified; "fichier"
    /// when nothing usable is left. The extension is added from the detected type, not from the upload.
    /// </summary>
    public static string NormalizeFileBase(string? uploadedName)
    {
        // Keep only the last segment whatever the separator: browsers (old IE) send full client paths.
        var name = (uploadedName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        var slug = Truncate(SlugHelper.Slugify(name));
        return slug.Length == 0 ? "fichier" : slug;
    }

    /// <summary>"photo.jpg", then "photo-2.jpg", "photo-3.jpg"... the first name <paramref name="exists"/> says is free.</summary>
    public static string UniqueName(string baseName, string extension, Func<string, bool> exists)
    {
        var candidate = baseName + extension;
        for (var n = 2; exists(candidate); n++)
        {
            candidate = baseName + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + extension;
        }

        return candidate;
    }

    public static bool IsFolderName(string segment) =>
        segment.Length is > 0 and <= MaxSegmentLength && SlugHelper.Slugify(segment) == segment;

    public static bool IsFileName(string segment)
    {
        var dot = segment.LastIndexOf('.');
        if (dot <= 0 || dot == segment.Length - 1)
        {
            return false;
        }

        var extension = segment[(dot + 1)..];
        return IsFolderName(segment[..dot]) && extension.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');
    }

    private static bool TrySplit(string input, out List<string> segments)
    {
        segments = [];
        // Refused outright rather than decoded: "%2e%2e" or "..%5c" must never be turned into a path.
        if (input.Length > 1000 || input.Contains('\\', StringComparison.Ordinal) || input.Contains('%', StringComparison.Ordinal)
            || input.Contains(':', StringComparison.Ordinal) || input.StartsWith('/') || input.StartsWith('~')
            || input.Any(char.IsControl) || Path.IsPathRooted(input))
        {
            return false;
        }

        var parts = input.Split('/');
        if (parts.Length > MaxDepth + 1 || parts.Any(p => p.Length == 0 || p == "." || p == ".."))
        {
            return false;
        }

        segments.AddRange(parts);
        return true;
    }

    private static string Truncate(string slug) => slug.Length > MaxSegmentLength ? slug[..MaxSegmentLength].TrimEnd('-') : slug;
}

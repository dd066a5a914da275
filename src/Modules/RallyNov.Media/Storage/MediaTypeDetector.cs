using System.Text;

namespace RallyNov.Media.Storage;

/// <summary>
/// Tells the real type of an upload from its first bytes ("magic numbers"), never from the name
/// or the browser's Content-Type: both are chosen by the uploader, so a script renamed photo.jpg
/// must not become a served "image".
/// </summary>
public static class MediaTypeDetector
{
    /// <summary>Bytes to read from the start of a file; enough for every signature and an SVG prologue.</summary>
    public const int HeaderLength = 512;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static MediaKind Detect(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty)
        {
            return MediaKind.Empty;
        }

        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return MediaKind.Jpeg;
        }

        if (header.StartsWith(Png))
        {
            return MediaKind.Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return MediaKind.Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaKind.WebP;
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return MediaKind.Pdf;
        }

        return LooksLikeSvg(header) ? MediaKind.Svg : MediaKind.Unknown;
    }

    public static async Task<MediaKind> DetectAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[HeaderLength];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Detect(buffer.AsSpan(0, read));
    }

    // A candidate only: the SVG sanitizer parses the whole file and refuses what is not an SVG
    // document (an XML feed, an HTML page with an <svg> in it) with its own French message.
    private static bool LooksLikeSvg(ReadOnlySpan<byte> header)
    {
        var text = Encoding.UTF8.GetString(header).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<!--", StringComparison.Ordinal)
            || text.StartsWith("<!DOCTYPE svg", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}

using Microsoft.Extensions.Logging;
using NetVips;

namespace RallyNov.Media.Imaging;

/// <summary>
/// libvips through NetVips: fast and frugal with memory (it streams the image). A missing or broken
/// native library must not take the site down: callers get null/false, serve the original, and
/// the warning is logged once per failure kind.
/// </summary>
internal sealed class NetVipsImageProcessor(ILogger<NetVipsImageProcessor> logger) : IImageProcessor
{
    public (int Width, int Height)? ReadSize(string file)
    {
        try
        {
            using var image = Image.NewFromFile(file, access: Enums.Access.Sequential);
            return (image.Width, image.Height);
        }
        catch (Exception ex) when (IsImagingFailure(ex))
        {
            logger.LogWarning(ex, "Lecture des dimensions impossible : {File}", Path.GetFileName(file));
            return null;
        }
    }

    public bool TryResize(string source, int width, string target)
    {
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp" + Path.GetExtension(target);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Thumbnail never enlarges a photo (Size.Down): a narrow original stays as it is. A drawing
            // (SVG) has no pixels of its own: it is drawn at the width asked for, sharp at any size.
            var vector = source.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);
            using (var image = Image.Thumbnail(source, width, size: vector ? Enums.Size.Both : Enums.Size.Down))
            {
                image.WriteToFile(temporary, OptionsFor(target));
            }

            // Written aside then moved: a concurrent request never reads a half-written variant.
            File.Move(temporary, target, overwrite: true);
            return true;
        }
        catch (Exception ex) when (IsImagingFailure(ex) || ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Variante d'image impossible ({Width} px) : {File} ; l'original est servi.", width, Path.GetFileName(source));
            TryDelete(temporary);
            return false;
        }
    }

    private static VOption OptionsFor(string target) => Path.GetExtension(target) switch
    {
        ".png" => new VOption { { "compression", 9 }, { "strip", true } },
        _ => new VOption { { "Q", 80 }, { "strip", true } },
    };

    // DllNotFoundException / TypeInitializationException: libvips could not be loaded on this machine.
    private static bool IsImagingFailure(Exception ex) =>
        ex is VipsException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException;

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Left for the next clean-up of the cache folder.
        }
    }
}

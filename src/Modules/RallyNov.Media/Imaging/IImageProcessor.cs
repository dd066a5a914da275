namespace RallyNov.Media.Imaging;

/// <summary>Reads image sizes and writes resized variants. Every member returns null instead of throwing when the image library is unavailable.</summary>
public interface IImageProcessor
{
    /// <summary>Width and height of an image file, or null when it cannot be read.</summary>
    (int Width, int Height)? ReadSize(string file);

    /// <summary>
    /// Writes <paramref name="source"/> scaled down to <paramref name="width"/> pixels wide into
    /// <paramref name="target"/> (format from its extension: .jpg, .png, .webp). False when it could not.
    /// </summary>
    bool TryResize(string source, int width, string target);
}

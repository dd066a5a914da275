using RallyNov.Core.Tenants;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Imaging;

/// <summary>Resized copies of the tenant's images, made once on first request and kept under App_Data/Sites/{tenant}/MediaCache.</summary>
public interface IMediaVariantCache
{
    /// <summary>
    /// Absolute path of the variant of <paramref name="path"/> at <paramref name="width"/> in
    /// <paramref name="extension"/> (".jpg", ".png", ".webp"), made now if missing; null when it
    /// cannot be made (the caller serves the original).
    /// </summary>
    string? GetOrCreate(string path, int width, string extension);

    /// <summary>Forgets every variant of a deleted file.</summary>
    void Remove(string path);
}

internal sealed class MediaVariantCache(TenantContext tenant, IMediaStore store, IImageProcessor images) : IMediaVariantCache
{
    /// <summary>The only widths ever produced: a visitor cannot fill the disk by asking for every width.</summary>
    public static readonly IReadOnlyList<int> AllowedWidths = [160, 320, 480, 768, 1024, 1600];

    private static readonly string[] Extensions = [".jpg", ".png", ".webp"];

    private readonly string _root = Path.Combine(Path.GetFullPath(tenant.Paths.Root), "MediaCache");

    /// <summary>The allowed width closest to the one asked for (the larger one on a tie).</summary>
    public static int Nearest(int requested) =>
        AllowedWidths.OrderBy(w => Math.Abs(w - requested)).ThenByDescending(w => w).First();

    public string? GetOrCreate(string path, int width, string extension)
    {
        if (!AllowedWidths.Contains(width) || !Extensions.Contains(extension) || store.Resolve(path) is not { } source || !File.Exists(source))
        {
            return null;
        }

        var target = VariantPath(path, width, extension);
        // A variant older than its original (a file replaced under the same name) is made again.
        if (File.Exists(target) && File.GetLastWriteTimeUtc(target) >= File.GetLastWriteTimeUtc(source))
        {
            return target;
        }

        return images.TryResize(source, width, target) ? target : null;
    }

    public void Remove(string path)
    {
        foreach (var width in AllowedWidths)
        {
            foreach (var extension in Extensions)
            {
                var file = VariantPath(path, width, extension);
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }
    }

    // "MediaCache/320/dossier/photo.jpg.webp": the original's name is kept so a folder's variants sit together.
    private string VariantPath(string path, int width, string extension) =>
        Path.Combine(_root, width.ToString(System.Globalization.CultureInfo.InvariantCulture), path.Replace('/', Path.DirectorySeparatorChar) + extension);
}

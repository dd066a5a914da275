using RallyNov.Core.Tenants;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Imaging;

/// <summary>
/// Resized copies of the tenant's images, made once on first request and kept in its MediaCache
/// folder (see <see cref="MediaFolders"/>: on a shared media root, once for every node).
/// </summary>
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

internal sealed class MediaVariantCache(TenantContext tenant, IMediaStore store, IImageProcessor images, MediaFolders folders) : IMediaVariantCache
{
    /// <summary>The only widths ever produced: a visitor cannot fill the disk by asking for every width.</summary>
    public static readonly IReadOnlyList<int> AllowedWidths = [160, 320, 480, 768, 1024, 1600];

    /// <summary>How long a request waits for a variant another request or node is making before serving the original.</summary>
    internal static readonly TimeSpan WaitForMaker = TimeSpan.FromSeconds(15);

    /// <summary>A claim older than this was left by a maker that died (kill -9): it is broken.</summary>
    internal static readonly TimeSpan StaleClaim = TimeSpan.FromSeconds(60);

    private static readonly string[] Extensions = [".jpg", ".png", ".webp"];

    private readonly string _root = folders.VariantsOf(tenant);

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
        if (IsFresh(target, source))
        {
            return target;
        }

        // One maker at a time for the whole cluster: whoever creates the claim file beside the
        // variant (an atomic create, also on a shared folder); the others wait for its result.
        // The maker writes aside and renames, so nobody ever reads a half-written variant.
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var claim = target + ".making";
        var deadline = DateTime.UtcNow + WaitForMaker;
        while (true)
        {
            if (TryClaim(claim) is { } held)
            {
                using (held)
                {
                    // Made by the previous holder between our look and our claim.
                    return IsFresh(target, source) || images.TryResize(source, width, target) ? target : null;
                }
            }

            if (IsFresh(target, source))
            {
                return target;
            }

            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(claim) > StaleClaim)
            {
                TryDelete(claim);
                continue;
            }

            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            Thread.Sleep(20);
        }
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

    // A variant older than its original (a file replaced under the same name) is made again.
    private static bool IsFresh(string target, string source) =>
        File.Exists(target) && File.GetLastWriteTimeUtc(target) >= File.GetLastWriteTimeUtc(source);

    /// <summary>The claim file, created only if absent and removed when disposed; null when someone else holds it.</summary>
    private static FileStream? TryClaim(string claim)
    {
        try
        {
            return new FileStream(claim, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            // Held by someone else, or released between their create and our look: either way the
            // caller looks for the variant again and retries until its deadline.
            return null;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Another waiter broke it first.
        }
    }

    // "MediaCache/320/dossier/photo.jpg.webp": the original's name is kept so a folder's variants sit together.
    private string VariantPath(string path, int width, string extension) =>
        Path.Combine(_root, width.ToString(System.Globalization.CultureInfo.InvariantCulture), path.Replace('/', Path.DirectorySeparatorChar) + extension);
}

using Microsoft.Extensions.Logging.Abstractions;
using RallyNov.Core.Tenants;
using RallyNov.Media.Imaging;
using RallyNov.Media.Storage;

namespace RallyNov.Modules.Tests.Media;

public sealed class MediaVariantCacheTests : IDisposable
{
    private static readonly MediaFolders Unshared = new(sharedRoot: null);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "rallynov-variants-" + Guid.NewGuid().ToString("N"));
    private readonly TenantContext _tenant;

    public MediaVariantCacheTests()
    {
        _tenant = new TenantContext(new TenantSettings { Name = "Essai", State = TenantState.Running }, new TenantPaths(_data, "Essai"), "");
        Directory.CreateDirectory(Path.Combine(_tenant.Paths.Media, "photos"));
        File.WriteAllBytes(Path.Combine(_tenant.Paths.Media, "photos", "a.jpg"), [0xFF, 0xD8, 0xFF, 0xE0]);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void Variant_is_made_once_then_served_from_disk()
    {
        var processor = new CountingProcessor(succeed: true);
        var cache = new MediaVariantCache(_tenant, new MediaStore(_tenant, Unshared), processor, Unshared);

        var first = cache.GetOrCreate("photos/a.jpg", 320, ".webp");
        var second = cache.GetOrCreate("photos/a.jpg", 320, ".webp");

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Equal(Path.Combine(_tenant.Paths.Root, "MediaCache", "320", "photos", "a.jpg.webp"), first);
        Assert.Equal(1, processor.Calls);
    }

    [Fact]
    public void Failing_image_library_gives_null_so_the_original_is_served()
    {
        var cache = new MediaVariantCache(_tenant, new MediaStore(_tenant, Unshared), new CountingProcessor(succeed: false), Unshared);
        Assert.Null(cache.GetOrCreate("photos/a.jpg", 320, ".jpg"));
    }

    [Theory]
    [InlineData("photos/a.jpg", 333, ".webp")]
    [InlineData("photos/a.jpg", 320, ".gif")]
    [InlineData("photos/missing.jpg", 320, ".jpg")]
    [InlineData("../Essai/content.jpg", 320, ".jpg")]
    public void Only_allowed_widths_formats_and_existing_files_get_variants(string path, int width, string extension)
    {
        var processor = new CountingProcessor(succeed: true);
        Assert.Null(new MediaVariantCache(_tenant, new MediaStore(_tenant, Unshared), processor, Unshared).GetOrCreate(path, width, extension));
        Assert.Equal(0, processor.Calls);
    }

    [Fact]
    public void Remove_deletes_every_variant_of_a_file()
    {
        var cache = new MediaVariantCache(_tenant, new MediaStore(_tenant, Unshared), new CountingProcessor(succeed: true), Unshared);
        var small = cache.GetOrCreate("photos/a.jpg", 160, ".jpg")!;
        var large = cache.GetOrCreate("photos/a.jpg", 1024, ".webp")!;
        cache.Remove("photos/a.jpg");
        Assert.False(File.Exists(small));
        Assert.False(File.Exists(large));
    }

    [Fact]
    public void NetVips_processor_refuses_a_broken_image_without_throwing_or_leaving_files()
    {
        var processor = new NetVipsImageProcessor(NullLogger<NetVipsImageProcessor>.Instance);
        var source = Path.Combine(_tenant.Paths.Media, "photos", "a.jpg");
        var target = Path.Combine(_data, "out", "a.jpg.webp");
        Assert.Null(processor.ReadSize(source));
        Assert.False(processor.TryResize(source, 320, target));
        Assert.False(Directory.Exists(Path.GetDirectoryName(target)) && Directory.EnumerateFiles(Path.GetDirectoryName(target)!).Any());
    }

    [Fact]
    public void On_a_shared_media_root_two_nodes_asking_at_once_make_a_variant_once_and_serve_the_same_file()
    {
        // Two nodes: each its own data folder, one media root. The image library is slow, so
        // without a claim both would make the variant.
        var shared = new MediaFolders(Path.Combine(_data, "partage"));
        var processor = new CountingProcessor(succeed: true, delay: TimeSpan.FromMilliseconds(300));
        var nodes = new[] { "noeud-a", "noeud-b" }
            .Select(n => new TenantContext(new TenantSettings { Name = "Essai", State = TenantState.Running }, new TenantPaths(Path.Combine(_data, n), "Essai"), ""))
            .ToList();
        var original = Path.Combine(shared.MediaOf(nodes[0]), "photos", "a.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(original)!);
        File.WriteAllBytes(original, [0xFF, 0xD8, 0xFF, 0xE0]);

        var answers = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6)
            .Select(i => new MediaVariantCache(nodes[i % 2], new MediaStore(nodes[i % 2], shared), processor, shared).GetOrCreate("photos/a.jpg", 480, ".jpg"))
            .ToList();

        Assert.Equal(1, processor.Calls);
        var expected = Path.Combine(_data, "partage", "Essai", "MediaCache", "480", "photos", "a.jpg.jpg");
        Assert.All(answers, a => Assert.Equal(expected, a));
        Assert.Equal([expected], Directory.EnumerateFiles(Path.Combine(_data, "partage", "Essai", "MediaCache"), "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(_data, "noeud-a", "Sites", "Essai", "MediaCache")));
    }

    [Fact]
    public void A_claim_left_by_a_node_killed_while_making_a_variant_is_broken_after_a_minute()
    {
        var processor = new CountingProcessor(succeed: true);
        var cache = new MediaVariantCache(_tenant, new MediaStore(_tenant, Unshared), processor, Unshared);
        var claim = Path.Combine(_tenant.Paths.Root, "MediaCache", "320", "photos", "a.jpg.jpg.making");
        Directory.CreateDirectory(Path.GetDirectoryName(claim)!);
        File.WriteAllBytes(claim, []);
        File.SetLastWriteTimeUtc(claim, DateTime.UtcNow - MediaVariantCache.StaleClaim - TimeSpan.FromSeconds(5));

        Assert.NotNull(cache.GetOrCreate("photos/a.jpg", 320, ".jpg"));
        Assert.Equal(1, processor.Calls);
        Assert.False(File.Exists(claim));
    }

    private sealed class CountingProcessor(bool succeed, TimeSpan delay = default) : IImageProcessor
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public (int Width, int Height)? ReadSize(string file) => null;

        public bool TryResize(string source, int width, string target)
        {
            Interlocked.Increment(ref _calls);
            Thread.Sleep(delay);
            if (succeed)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, [1, 2, 3]);
            }

            return succeed;
        }
    }
}

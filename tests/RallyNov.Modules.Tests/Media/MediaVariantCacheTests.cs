using Microsoft.Extensions.Logging.Abstractions;
using RallyNov.Core.Tenants;
using RallyNov.Media.Imaging;
using RallyNov.Media.Storage;

namespace RallyNov.Modules.Tests.Media;

public sealed class MediaVariantCacheTests : IDisposable
{
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
        var cache = new MediaVariantCache(_tenant, new MediaStore(_tenant), processor);

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
        var cache = new MediaVariantCache(_tenant, new MediaStore(_tenant), new CountingProcessor(succeed: false));
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
        Assert.Null(new MediaVariantCache(_tenant, new MediaStore(_tenant), processor).GetOrCreate(path, width, extension));
        Assert.Equal(0, processor.Calls);
    }

    [Fact]
    public void Remove_deletes_every_variant_of_a_file()
    {
        var cache = new MediaVariantCache(_tenant, new MediaStore(_tenant), new CountingProcessor(succeed: true));
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

    private sealed class CountingProcessor(bool succeed) : IImageProcessor
    {
        public int Calls { get; private set; }

        public (int Width, int Height)? ReadSize(string file) => null;

        public bool TryResize(string source, int width, string target)
        {
            Calls++;
            if (succeed)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, [1, 2, 3]);
            }

            return succeed;
        }
    }
}

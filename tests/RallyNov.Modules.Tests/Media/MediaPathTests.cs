using RallyNov.Media.Imaging;
using RallyNov.Media.Storage;

namespace RallyNov.Modules.Tests.Media;

public sealed class MediaPathTests
{
    [Theory]
    [InlineData("Photo Été 2023.JPG", "photo-ete-2023")]
    [InlineData("Œuvre & Cœur!.png", "oeuvre-coeur")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win")]
    [InlineData("C:\\Users\\moi\\Bureau\\affiche.pdf", "affiche")]
    [InlineData("/var/www/shell.php.jpg", "shell-php")]
    [InlineData("%2e%2e%2fsecret.jpg", "2e-2e-2fsecret")]
    [InlineData("....jpg", "fichier")]
    [InlineData("", "fichier")]
    [InlineData(null, "fichier")]
    public void File_names_are_folded_to_safe_lowercase_names(string? uploaded, string expected) =>
        Assert.Equal(expected, MediaPath.NormalizeFileBase(uploaded));

    [Fact]
    public void Unique_name_adds_a_number_when_the_name_is_taken()
    {
        var taken = new HashSet<string> { "photo.jpg", "photo-2.jpg" };
        Assert.Equal("photo-3.jpg", MediaPath.UniqueName("photo", ".jpg", taken.Contains));
        Assert.Equal("photo.png", MediaPath.UniqueName("photo", ".png", taken.Contains));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("photos")]
    [InlineData("photos/ete-2023")]
    public void Clean_folders_are_accepted(string? folder) => Assert.True(MediaPath.TryParseFolder(folder, out _));

    [Theory]
    [InlineData("..")]
    [InlineData("../autre-site")]
    [InlineData("photos/../../..")]
    [InlineData("photos/./x")]
    [InlineData("..\\autre")]
    [InlineData("photos\\..\\..")]
    [InlineData("/etc")]
    [InlineData("C:\\Windows")]
    [InlineData("c:/windows")]
    [InlineData("%2e%2e")]
    [InlineData("%2e%2e%2f")]
    [InlineData("..%2f..%2f")]
    [InlineData("%252e%252e")]
    [InlineData("~/secret")]
    [InlineData("photos//x")]
    [InlineData("photos/")]
    [InlineData("Photos")]
    [InlineData("photos/été")]
    [InlineData("a\0b")]
    public void Traversal_and_unnormalised_folders_are_refused(string folder) =>
        Assert.False(MediaPath.TryParseFolder(folder, out _));

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("photos/ete-2023/photo-2.jpg")]
    [InlineData("rapport-2023.pdf")]
    public void Clean_file_paths_are_accepted(string path)
    {
        Assert.True(MediaPath.TryParseFile(path, out var parsed));
        Assert.Equal(path, parsed);
    }

    [Theory]
    [InlineData("../content.db")]
    [InlineData("..%2fcontent.db")]
    [InlineData("%2e%2e/content.db")]
    [InlineData("photos/../../Bourgogne/Media/photo.jpg")]
    [InlineData("..\\content.db")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("photos/")]
    [InlineData("photo")]
    [InlineData(".htaccess")]
    [InlineData("photo.")]
    [InlineData("Photo.JPG")]
    [InlineData("")]
    public void Traversal_and_unnormalised_file_paths_are_refused(string path) =>
        Assert.False(MediaPath.TryParseFile(path, out _));

    [Fact]
    public void Store_never_resolves_outside_the_tenant_media_folder()
    {
        var tenant = Users.TestTenants.Context("MediaPathTenant", "");
        var store = new MediaStore(tenant, new MediaFolders(sharedRoot: null));
        Assert.Null(store.Resolve("../content.db"));
        Assert.Null(store.Resolve("../../OtherTenant/Media/photo.jpg"));
        Assert.Null(store.Resolve("/etc/passwd"));
        Assert.EndsWith(Path.Combine("Media", "photos", "a.jpg"), store.Resolve("photos/a.jpg"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(320, 320)]
    [InlineData(300, 320)]
    [InlineData(1, 160)]
    [InlineData(5000, 1600)]
    [InlineData(400, 480)]
    [InlineData(900, 1024)]
    public void Widths_snap_to_the_nearest_allowed_width(int asked, int expected) =>
        Assert.Equal(expected, MediaVariantCache.Nearest(asked));
}

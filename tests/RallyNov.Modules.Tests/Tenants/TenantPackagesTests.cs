using System.IO.Compression;
using System.Text;
using RallyNov.Tenants.Management;
using RallyNov.Tenants.Packages;

namespace RallyNov.Modules.Tests.Tenants;

/// <summary>What a site package must be before anything is created from it.</summary>
public sealed class TenantPackagesTests
{
    // Inspect reads the archive only: no store, database or tenant is involved.
    private static readonly TenantPackages Packages = new(null!, null!, null!, null!, null!, TimeProvider.System);

    [Fact]
    public void A_package_tells_its_name_modules_and_media_count()
    {
        using var zip = Zip(
            ("site.json", """{ "format": "rallynov-site", "version": 1, "name": "Jura", "displayName": "rally'nov Jura", "exportedUtc": "2026-05-01T10:00:00.0000000Z", "enabledModules": ["RallyNov.Pages"] }"""),
            ("recipe.json", """{ "name": "export-jura", "steps": [] }"""),
            ("media/logos/jura.png", "png"),
            ("media/photos/", ""));

        var info = Packages.Inspect(zip);

        Assert.Equal(("Jura", "rally'nov Jura", 1), (info.Name, info.DisplayName, info.MediaFiles));
        Assert.Equal(["RallyNov.Pages"], info.EnabledModules);
        Assert.Equal(new DateTime(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc), info.ExportedUtc);
    }

    [Fact]
    public void Not_a_zip_not_a_site_and_a_broken_recipe_are_refused_in_french()
    {
        using var text = new MemoryStream("bonjour"u8.ToArray());
        Assert.Equal("Ce fichier n'est pas une archive .zip lisible.", Assert.Throws<TenantManagementException>(() => Packages.Inspect(text)).Message);

        using var other = Zip(("photo.jpg", "jpg"));
        Assert.Contains("n'est pas un export de site rally'nov", Assert.Throws<TenantManagementException>(() => Packages.Inspect(other)).Message, StringComparison.Ordinal);

        using var wrongFormat = Zip(("site.json", """{ "format": "autre" }"""), ("recipe.json", "{}"));
        Assert.Throws<TenantManagementException>(() => Packages.Inspect(wrongFormat));

        using var broken = Zip(("recipe.json", "{ \"steps\": ["));
        Assert.Contains("Le fichier recipe.json de l'archive est illisible", Assert.Throws<TenantManagementException>(() => Packages.Inspect(broken)).Message, StringComparison.Ordinal);
    }

    private static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }
}

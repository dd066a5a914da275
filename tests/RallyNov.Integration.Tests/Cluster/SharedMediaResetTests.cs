using Microsoft.AspNetCore.Hosting;
using RallyNov.Cms.CommandLine;
using RallyNov.Core.Hosting;
using RallyNov.Integration.Tests.Hardening;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// `tenants reset` with media on a shared RallyNov:Media:Root: the tenant's old uploads there are put
/// aside with its lost database, and its variants deleted, so the site set up again starts from an
/// empty library on every node.
/// </summary>
public sealed class SharedMediaResetTests
{
    [Fact]
    public async Task Tenants_reset_puts_the_tenant_media_of_the_shared_root_aside_and_drops_its_variants()
    {
        var dataPath = await SiteTemplate.CopyAsync();
        var root = Path.Combine(Path.GetTempPath(), "rallynov-shared-media-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var tenantFolder = Path.Combine(root, "FrancheComte");
            Directory.CreateDirectory(Path.Combine(tenantFolder, "Media", "2026"));
            Directory.CreateDirectory(Path.Combine(tenantFolder, "MediaCache"));
            await File.WriteAllTextAsync(Path.Combine(tenantFolder, "Media", "2026", "ancienne-photo.jpg"), "ancienne");
            await File.WriteAllTextAsync(Path.Combine(tenantFolder, "MediaCache", "ancienne-photo.480.jpg"), "variante");
            Directory.CreateDirectory(Path.Combine(root, "Bourgogne", "Media"));
            await File.WriteAllTextAsync(Path.Combine(root, "Bourgogne", "Media", "voisine.jpg"), "voisine");

            // The database is lost: the case `tenants reset` is for.
            foreach (var file in Directory.GetFiles(Path.Combine(dataPath, "Sites", "FrancheComte"), "content.db*"))
            {
                File.Delete(file);
            }

            await using var site = new RallyNovFactory(dataPath) { WaitForReadiness = false };
            await using var factory = site.WithWebHostBuilder(builder => builder.UseSetting("RallyNov:Media:Root", root));
            var verb = CommandLineRunner.Verbs(factory.Services).Single(v => v.Name == "tenants");
            using var output = new StringWriter();
            Assert.Equal(0, await verb.RunAsync(new CommandLineContext(["reset", "--tenant", "FrancheComte", "--confirm", "FrancheComte"], output), CancellationToken.None));

            Assert.False(File.Exists(Path.Combine(tenantFolder, "Media", "2026", "ancienne-photo.jpg")), "The old upload is still in the reset site's library.");
            Assert.False(Directory.Exists(Path.Combine(tenantFolder, "MediaCache")) && Directory.EnumerateFiles(Path.Combine(tenantFolder, "MediaCache"), "ancienne*", SearchOption.AllDirectories).Any());
            var aside = Assert.Single(Directory.GetDirectories(tenantFolder, "Media.*.bak"));
            Assert.True(File.Exists(Path.Combine(aside, "2026", "ancienne-photo.jpg")), "The old upload was not kept aside.");
            Assert.Contains(aside, output.ToString(), StringComparison.Ordinal);

            // Another tenant's media are not touched.
            Assert.True(File.Exists(Path.Combine(root, "Bourgogne", "Media", "voisine.jpg")));
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}

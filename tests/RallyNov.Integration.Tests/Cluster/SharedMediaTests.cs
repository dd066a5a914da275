using System.Net;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// RallyNov:Media:Root: both nodes keep media on one shared folder ({Root}/{tenant}/Media). A file
/// uploaded on A is served by B; a resized variant asked of both nodes at once is made once, in the
/// shared folder, and both serve the same file.
/// </summary>
public sealed class SharedMediaTests
{
    private static string SharedRedis => Environment.GetEnvironmentVariable(ClusterFactAttribute.RedisVariable)!;

    [ClusterFact]
    public async Task An_image_uploaded_on_node_A_is_served_by_node_B_and_its_variant_is_made_once_in_the_shared_folder()
    {
        var root = RallyNovFactory.NewDataPath();
        try
        {
            await using var nodes = await TwoNodes.StartAsync(SharedRedis, new Dictionary<string, string> { ["RallyNov:Media:Root"] = root });
            using var editor = nodes.A.Browser();
            using (var login = await editor.LoginAsync("/bourgogne", "admin", ClusterNode.AdminPassword))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            // The media library's upload form, as the page gives it, on node A.
            var name = "partage-" + Guid.NewGuid().ToString("N")[..10];
            var image = Media.MediaTestSupport.Image(1200, 800);
            using (var uploaded = await editor.SubmitAsync("/bourgogne/admin/media", "/bourgogne/admin/media/upload",
                [new("folder", ""), new("alt", "Une photo partagée")], [new FormFile("file", name + ".jpg", image)]))
            {
                Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
            }

            var stored = Path.Combine(root, "Bourgogne", "Media", name + ".jpg");
            Assert.True(File.Exists(stored), $"The upload is not in the shared folder ({stored}).");
            Assert.False(File.Exists(Path.Combine(nodes.A.DataPath, "Sites", "Bourgogne", "Media", name + ".jpg")), "The upload went to node A's own data folder.");

            using var visitorOnB = nodes.B.Client();
            using (var original = await visitorOnB.GetAsync(new Uri($"/bourgogne/media/{name}.jpg", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, original.StatusCode);
                Assert.Equal(image, await original.Content.ReadAsByteArrayAsync());
            }

            // Both nodes asked for the same new variant at the same moment, several times each.
            using var visitorOnA = nodes.A.Client();
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            {
                using var response = await (i % 2 == 0 ? visitorOnA : visitorOnB).GetAsync(new Uri($"/bourgogne/media/{name}.jpg?w=480", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return (Tag: response.Headers.ETag?.Tag, Size: Media.MediaTestSupport.SizeOf(await response.Content.ReadAsByteArrayAsync()));
            }));

            Assert.All(answers, a => Assert.Equal((480, 320), a.Size));
            // One file made once: the same validator (size and time of the file) from every answer of both nodes.
            Assert.Single(answers.Select(a => a.Tag).Distinct());
            var variants = Directory.EnumerateFiles(Path.Combine(root, "Bourgogne", "MediaCache"), name + "*", SearchOption.AllDirectories).ToList();
            Assert.Equal([Path.Combine(root, "Bourgogne", "MediaCache", "480", name + ".jpg.jpg")], variants);
            foreach (var node in new[] { nodes.A, nodes.B })
            {
                Assert.False(Directory.Exists(Path.Combine(node.DataPath, "Sites", "Bourgogne", "MediaCache")), "A variant was made in a node's own data folder.");
            }
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(root);
        }
    }
}

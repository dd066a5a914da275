using Microsoft.Data.Sqlite;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// A data folder with the three sample tenants set up, indexed and stopped, made once per test
/// run; each fault test damages its own copy. Setting up three tenants from their recipes costs
/// seconds, copying their files a few milliseconds.
/// </summary>
public static class SiteTemplate
{
    private static readonly Lazy<Task<string>> Template = new(CreateAsync);

    /// <summary>The template itself, as the site wrote it (read it, never change it).</summary>
    public static Task<string> SourceAsync() => Template.Value;

    /// <summary>A new data folder holding a copy of the set-up site; delete it with <see cref="RallyNovFactory.DeleteDataPath"/>.</summary>
    public static async Task<string> CopyAsync()
    {
        var target = RallyNovFactory.NewDataPath();
        await CopyToAsync(target);
        return target;
    }

    /// <summary>Copies the set-up site into <paramref name="target"/> (created when missing).</summary>
    public static async Task CopyToAsync(string target)
    {
        var source = await Template.Value;
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(source, target, StringComparison.Ordinal));
        }

        TestDatabase.Copy(source, target);
    }

    private static async Task<string> CreateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "rallynov-template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        await using (var site = new RallyNovFactory(path))
        {
            // The factory waits for /health 200: every index is built before it stops.
            using var client = site.CreateClient();
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        }

        // The last connection to close checkpoints the WAL into content.db: a copy is complete.
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RallyNovFactory.DeleteDataPath(path);
        return path;
    }
}

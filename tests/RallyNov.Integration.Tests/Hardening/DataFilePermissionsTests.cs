using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>The data folder holds databases, media, keys and passwords: on Unix, only the site's account reads it.</summary>
public sealed class DataFilePermissionsTests
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Data_files_are_created_0600_and_folders_0700()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        // A site set up by this run, as it wrote its files.
        var root = await SiteTemplate.SourceAsync();
        // On PostgreSQL the tenants and the content are in the database, not in files.
        var expected = TestDatabase.IsPostgres ? new List<string>() : new List<string>
        {
            Path.Combine(root, "tenants.json"),
            Path.Combine(root, "Sites", "Bourgogne", "content.db"),
            Path.Combine(root, "Sites", "FrancheComte", "content.db"),
        };
        expected.AddRange(Directory.GetFiles(Path.Combine(root, "DataProtection-Keys")));
        expected.AddRange(Directory.GetFiles(Path.Combine(root, "Sites", "Bourgogne", "Lucene")));
        foreach (var file in expected)
        {
            Assert.True(File.Exists(file), file + " is missing");
            Assert.True((File.GetUnixFileMode(file) & GroupOrOther) == 0, $"{file} is {File.GetUnixFileMode(file)}");
        }

        foreach (var folder in new[] { root, Path.Combine(root, "Sites"), Path.Combine(root, "Sites", "Bourgogne"), Path.Combine(root, "Sites", "Bourgogne", "Media"), Path.Combine(root, "Sites", "Bourgogne", "Lucene"), Path.Combine(root, "DataProtection-Keys") })
        {
            Assert.True((File.GetUnixFileMode(folder) & GroupOrOther) == 0, $"{folder} is {File.GetUnixFileMode(folder)}");
        }
    }
}

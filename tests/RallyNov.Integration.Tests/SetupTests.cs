using System.Net;
using System.Text.Json;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests;

/// <summary>First start on an empty data folder: three tenants set up from their recipes.</summary>
public sealed class SetupTests
{
    [SqliteOnlyFact("tenants.json and content.db are the SQLite installation's files; PostgreSQL keeps the tenants in rallynov_shared.tenants (Postgres/ tests)")]
    public async Task First_start_writes_tenants_json_with_three_running_tenants()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        var file = Path.Combine(factory.DataPath, "tenants.json");
        Assert.True(File.Exists(file), $"tenants.json should be written in {factory.DataPath}");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var tenants = json.RootElement.GetProperty("tenants").EnumerateArray()
            .Select(t => (Name: t.GetProperty("name").GetString(), Prefix: t.GetProperty("urlPrefix").GetString(), State: t.GetProperty("state").GetString()))
            .ToList();

        Assert.Equal(
            [("Default", "", "Running"), ("Bourgogne", "bourgogne", "Running"), ("FrancheComte", "franche-comte", "Running")],
            tenants);
        Assert.Contains("\"displayName\": \"rally'nov Franche-Comté\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal); // editable by hand
        Assert.True(Directory.Exists(Path.Combine(factory.DataPath, "Sites", "Bourgogne")));
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "Sites", "FrancheComte", "content.db")));
        Assert.True(Directory.Exists(Path.Combine(factory.DataPath, "DataProtection-Keys")), "data-protection keys belong in the data folder");
    }

    [Theory]
    [InlineData("/", "rally'nov Bourgogne-Franche-Comté")]
    [InlineData("/bourgogne", "rally'nov Bourgogne")]
    [InlineData("/franche-comte/", "rally'nov Franche-Comté")]
    public async Task Each_tenant_home_page_is_french_html_with_its_name(string url, string displayName)
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Equal(displayName, Html.FirstText(html, "h1"));
        Assert.Contains(displayName, Html.FirstText(html, "title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_password_one_is_generated_and_kept_in_the_data_folder()
    {
        await using var factory = new RallyNovFactory(adminPassword: null);
        _ = factory.Services; // starts the host, which sets the tenants up

        var file = Path.Combine(factory.DataPath, "initial-admin-password.txt");
        Assert.True(File.Exists(file), "the generated password must be saved for the operator");
        var password = (await File.ReadAllTextAsync(file)).Trim();
        Assert.True(password.Length >= 16, $"password too short: {password.Length}");
        Assert.Contains(password, char.IsDigit);
        Assert.Contains(password, char.IsUpper);
    }

    [Fact]
    public async Task A_configured_password_is_never_written_to_disk()
    {
        await using var factory = new RallyNovFactory();
        _ = factory.Services;

        Assert.True(Directory.Exists(Path.Combine(factory.DataPath, "Sites", "Bourgogne")), "the site was set up");
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "initial-admin-password.txt")));
    }
}

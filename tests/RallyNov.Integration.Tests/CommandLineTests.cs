using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Cms.CommandLine;
using RallyNov.Core.Hosting;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests;

/// <summary>The verbs of the host (tenants list, export, import), run in-process on the app's services.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Tenants_list_prints_one_line_per_tenant_with_prefix_state_and_database()
    {
        await using var factory = new RallyNovFactory();
        using var output = new StringWriter();

        var code = await RunAsync(factory, output, "tenants", "list");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(0, code);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Nom", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^Default\s+/\s+Running\s+" + TestDatabase.ProviderName + @"\s+rally'nov Bourgogne-Franche-Comté$", lines[1]);
        Assert.Matches(@"^Bourgogne\s+/bourgogne\s+Running\s+" + TestDatabase.ProviderName + @"\s+rally'nov Bourgogne$", lines[2]);
        Assert.Matches(@"^FrancheComte\s+/franche-comte\s+Running\s+" + TestDatabase.ProviderName + @"\s+rally'nov Franche-Comté$", lines[3]);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_tenant_gives_the_same_published_pages()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();
        var file = Path.Combine(factory.DataPath, "exports", "franche-comte.json");
        using var output = new StringWriter();

        Assert.Equal(0, await RunAsync(factory, output, "export", "--tenant", "FrancheComte", "--out", file));
        Assert.True(File.Exists(file));
        var exported = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!["steps"]!.AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == "content")!["items"]!.AsArray().Count;
        Assert.True(exported > 1);
        Assert.Contains($"exporté dans {file} ({exported} contenus).", output.ToString(), StringComparison.Ordinal);

        await factory.Services.GetRequiredService<ITenantStore>().SaveAsync(
            new TenantSettings { Name = "Essai", DisplayName = "Site d'essai", UrlPrefix = "essai" }, CancellationToken.None);
        Assert.Equal(0, await RunAsync(factory, output, "import", "--tenant", "Essai", file));

        var source = await PublishedPagesAsync(factory, "FrancheComte");
        var copy = await PublishedPagesAsync(factory, "Essai");
        Assert.NotEmpty(source);
        Assert.Equal(source, copy);

        // Importing again is idempotent: still the same pages, no duplicates.
        Assert.Equal(0, await RunAsync(factory, output, "import", "--tenant", "Essai", file));
        Assert.Equal(source, await PublishedPagesAsync(factory, "Essai"));

        Assert.Equal(TenantState.Running, factory.Services.GetRequiredService<ITenantStore>().Find("Essai")!.State);
        var (status, html) = await Html.GetAsync(client, "/essai/pages/conditions-favorables-innovation-sociale");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Les conditions favorables à l'innovation sociale", Html.FirstText(html, "h1"));
    }

    [Theory]
    [InlineData("tenants")]
    [InlineData("tenants", "remove")]
    [InlineData("tenants", "list", "--all")]
    public async Task Tenants_with_wrong_arguments_is_a_usage_error(params string[] args)
    {
        await using var factory = new RallyNovFactory();

        await Assert.ThrowsAsync<CommandLineUsageException>(() => RunAsync(factory, TextWriter.Null, args));
    }

    [Fact]
    public async Task Export_and_import_reject_missing_or_unknown_arguments()
    {
        await using var factory = new RallyNovFactory();
        var file = Path.Combine(factory.DataPath, "out.json");

        var noOut = await Assert.ThrowsAsync<CommandLineUsageException>(
            () => RunAsync(factory, TextWriter.Null, "export", "--tenant", "Bourgogne"));
        Assert.Contains("--out", noOut.Message, StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAsync<CommandLineUsageException>(
            () => RunAsync(factory, TextWriter.Null, "export", "--tenant", "Bretagne", "--out", file));
        Assert.Contains("Bourgogne", unknown.Message, StringComparison.Ordinal); // lists the known tenants
        Assert.False(File.Exists(file));

        await Assert.ThrowsAsync<CommandLineUsageException>(() => RunAsync(factory, TextWriter.Null, "import", "--tenant", "Bourgogne"));
        await Assert.ThrowsAsync<CommandLineUsageException>(() => RunAsync(factory, TextWriter.Null, "import", file));
    }

    [Fact]
    public void An_option_without_its_value_is_a_usage_error()
    {
        var ex = Assert.Throws<CommandLineUsageException>(() => new CommandLineContext(["--tenant", "--out", "x.json"], TextWriter.Null));
        Assert.Contains("--tenant", ex.Message, StringComparison.Ordinal);
        Assert.Throws<CommandLineUsageException>(() => new CommandLineContext(["--out"], TextWriter.Null));
    }

    [Fact]
    public void Arguments_are_split_into_options_and_positional_values()
    {
        var args = new CommandLineContext(["--Tenant", "Bourgogne", "recette.json"], TextWriter.Null);

        Assert.Equal("Bourgogne", args.Option("tenant"));
        Assert.Equal(["recette.json"], args.Positional);
        Assert.Null(args.Option("out"));
        Assert.Throws<CommandLineUsageException>(() => args.Required("out"));
    }

    [Fact]
    public async Task Usage_names_every_verb_in_french()
    {
        await using var factory = new RallyNovFactory();
        using var writer = new StringWriter();

        var code = CommandLineRunner.Usage(writer, 2, CommandLineRunner.Verbs(factory.Services));

        Assert.Equal(2, code);
        var text = writer.ToString();
        Assert.Contains("Utilisation", text, StringComparison.Ordinal);
        foreach (var verb in new[] { "tenants list", "export --tenant", "import --tenant", "users list", "index rebuild", "help" })
        {
            Assert.Contains(verb, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Runs a verb as the host does, by name, on the factory's services.</summary>
    private static Task<int> RunAsync(RallyNovFactory factory, TextWriter output, params string[] args)
    {
        var verb = CommandLineRunner.Verbs(factory.Services).Single(v => v.Name == args[0]);
        return verb.RunAsync(new CommandLineContext(args[1..], output), CancellationToken.None);
    }

    private static Task<List<string>> PublishedPagesAsync(RallyNovFactory factory, string tenant) =>
        factory.WithContentAsync(tenant, async contents =>
        {
            var result = await contents.QueryAsync(
                new ContentQuery { Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, PageSize = 100 }, CancellationToken.None);
            return result.Items
                .Select(i => string.Join(" | ", i.ContentItemId, i.ContentType, i.DisplayText, i.Slug, i.GetString("Summary"), i.GetString("Body")))
                .ToList();
        });
}

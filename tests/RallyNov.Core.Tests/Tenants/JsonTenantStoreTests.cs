using RallyNov.Core.Cluster;
using Microsoft.Extensions.Options;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Core.Tests.Support;

namespace RallyNov.Core.Tests.Tenants;

public sealed class JsonTenantStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rallynov-core-tests", Guid.NewGuid().ToString("N"));

    private string TenantsFile => Path.Combine(_root, "App_Data", "tenants.json");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Saved_tenants_load_back_identically_in_a_new_store()
    {
        using (var store = CreateStore())
        {
            Assert.False(store.FileExists);
            Assert.Empty(store.All);
            await store.SaveAsync(new TenantSettings { Name = "Default", DisplayName = "rally'nov", State = TenantState.Running }, CancellationToken.None);
            await store.SaveAsync(new TenantSettings
            {
                Name = "Bourgogne",
                DisplayName = "Bourgogne",
                UrlPrefix = "bourgogne",
                Hosts = ["bourgogne.example.org", "*.bfc.example.org:8443"],
                State = TenantState.Disabled,
                Database = new TenantDatabaseSettings { Provider = "Postgres", ConnectionString = "Host=db", Schema = "bourgogne" },
                EnabledModules = ["RallyNov.Pages", "RallyNov.Events"],
                Theme = "Autre.Theme",
                Recipe = "bourgogne.recipe.json",
            }, CancellationToken.None);
        }

        using var reloaded = CreateStore();

        Assert.True(reloaded.FileExists);
        Assert.Equal(["Default", "Bourgogne"], reloaded.All.Select(t => t.Name));
        var bourgogne = reloaded.Find("BOURGOGNE");
        Assert.NotNull(bourgogne);
        Assert.Equal("bourgogne", bourgogne.UrlPrefix);
        Assert.Equal(["bourgogne.example.org", "*.bfc.example.org:8443"], bourgogne.Hosts);
        Assert.Equal(TenantState.Disabled, bourgogne.State);
        Assert.Equal("Postgres", bourgogne.Database.Provider);
        Assert.Equal("Host=db", bourgogne.Database.ConnectionString);
        Assert.Equal("bourgogne", bourgogne.Database.Schema);
        Assert.Equal(["RallyNov.Pages", "RallyNov.Events"], bourgogne.EnabledModules);
        Assert.Equal("Autre.Theme", bourgogne.Theme);
        Assert.Equal("bourgogne.recipe.json", bourgogne.Recipe);
        Assert.Null(reloaded.Find("Default")!.EnabledModules);

        // The state is written as a word, readable by an administrator.
        Assert.Contains("\"Disabled\"", await File.ReadAllTextAsync(TenantsFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_replaces_a_tenant_by_name_and_leaves_no_temporary_file()
    {
        using var store = CreateStore();
        await store.SaveAsync(new TenantSettings { Name = "Default", DisplayName = "Avant" }, CancellationToken.None);

        await store.SaveAsync(new TenantSettings { Name = "default", DisplayName = "Après", State = TenantState.Running }, CancellationToken.None);

        var tenant = Assert.Single(store.All);
        Assert.Equal("Après", tenant.DisplayName);
        Assert.Equal(TenantState.Running, tenant.State);
        Assert.True(File.Exists(TenantsFile));
        Assert.Equal(["tenants.json"], Directory.GetFiles(Path.GetDirectoryName(TenantsFile)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Invalid_tenant_is_refused_and_the_file_is_unchanged()
    {
        using var store = CreateStore();
        await store.SaveAsync(new TenantSettings { Name = "Bourgogne", DisplayName = "Bourgogne", UrlPrefix = "bourgogne" }, CancellationToken.None);
        var before = await File.ReadAllTextAsync(TenantsFile);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.SaveAsync(new TenantSettings { Name = "Copie", DisplayName = "Copie", UrlPrefix = "bourgogne" }, CancellationToken.None));

        Assert.Equal(before, await File.ReadAllTextAsync(TenantsFile));
        Assert.Single(store.All);
    }

    [Fact]
    public async Task Readers_get_a_snapshot_that_later_saves_do_not_change()
    {
        using var store = CreateStore();
        await store.SaveAsync(new TenantSettings { Name = "Default", DisplayName = "Avant" }, CancellationToken.None);
        var snapshot = store.All;
        var input = new TenantSettings { Name = "Nord", DisplayName = "Nord", UrlPrefix = "nord" };

        await store.SaveAsync(input, CancellationToken.None);
        input.DisplayName = "Modifié après coup";

        Assert.Single(snapshot);
        Assert.Equal("Nord", store.Find("Nord")!.DisplayName);
    }

    [Fact]
    public async Task Broken_file_fails_with_a_french_message_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TenantsFile)!);
        await File.WriteAllTextAsync(TenantsFile, "{ \"tenants\": [ { \"name\": ");

        var ex = Assert.Throws<InvalidOperationException>(() => CreateStore());

        Assert.Contains("tenants.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalide", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_are_under_the_data_folder_of_the_content_root()
    {
        using var store = CreateStore();

        Assert.Equal(Path.Combine(_root, "App_Data"), store.DataPath);
        Assert.Equal(Path.Combine(_root, "App_Data", "Sites", "Nord", "content.db"), store.PathsFor("Nord").SqliteDatabase);
    }

    [Fact]
    public async Task Saving_tells_the_other_nodes_and_a_node_told_reads_the_shared_file_again()
    {
        var bus = new RecordingBus();
        using var writer = CreateStore(bus);
        using var reader = CreateStore();
        Assert.Empty(reader.All);

        await writer.SaveAsync(new TenantSettings { Name = "Nord", DisplayName = "Nord", UrlPrefix = "nord", State = TenantState.Running }, CancellationToken.None);

        Assert.Equal([new ChangeNotice(ChangeKinds.Tenants, "Nord")], bus.Notices);
        Assert.Null(reader.Find("Nord"));
        await reader.ReloadAsync(CancellationToken.None);
        Assert.Equal("Nord", reader.Find("Nord")?.DisplayName);
    }

    private JsonTenantStore CreateStore(IChangeBus? bus = null) =>
        new(Options.Create(new RallyNovOptions { DataPath = "App_Data" }), new TestHostEnvironment(_root), bus ?? new RecordingBus());

    private sealed class RecordingBus : IChangeBus
    {
        public List<ChangeNotice> Notices { get; } = [];

        public void Publish(ChangeNotice notice) => Notices.Add(notice);
    }
}

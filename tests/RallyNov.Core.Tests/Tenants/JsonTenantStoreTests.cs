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
        // Besides tenants.json, only its lock file (kept: deleting a lock file would let two processes hold it).
        Assert.Equal(["tenants.json", "tenants.json.lock"], Directory.GetFiles(Path.GetDirectoryName(TenantsFile)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
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

        var ex = Assert.Throws<InvalidOperationException>(CreateStore);

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
    public async Task Add_refuses_a_taken_name_and_remove_drops_an_entry()
    {
        using var store = CreateStore();
        await store.AddAsync(new TenantSettings { Name = "Jura", DisplayName = "Jura", UrlPrefix = "jura" }, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.AddAsync(new TenantSettings { Name = "JURA", DisplayName = "Autre", UrlPrefix = "autre" }, CancellationToken.None));
        Assert.Contains("Un site nommé « Jura » existe déjà.", ex.Message, StringComparison.Ordinal);

        Assert.True(await store.RemoveAsync("jura", CancellationToken.None));
        Assert.False(await store.RemoveAsync("jura", CancellationToken.None));
        Assert.Empty(store.All);
        Assert.DoesNotContain("Jura", await File.ReadAllTextAsync(TenantsFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_store_on_the_same_folder_sees_the_other_writes_on_reload_with_their_kind()
    {
        using var server = CreateStore();
        using var commandLine = CreateStore();
        await server.SaveAsync(new TenantSettings { Name = "Default", DisplayName = "Portail" }, CancellationToken.None);
        await server.SaveAsync(new TenantSettings { Name = "Nord", DisplayName = "Nord", UrlPrefix = "nord" }, CancellationToken.None);
        var changes = new List<TenantChange>();
        server.Changed += (_, e) => changes.AddRange(e.Changes);

        // The other process adds, changes and removes (it re-reads the file before each write).
        await commandLine.AddAsync(new TenantSettings { Name = "Jura", DisplayName = "Jura", UrlPrefix = "jura" }, CancellationToken.None);
        var nord = commandLine.Find("Nord")!.Clone();
        nord.State = TenantState.Disabled;
        await commandLine.SaveAsync(nord, CancellationToken.None);
        await commandLine.RemoveAsync("Default", CancellationToken.None);
        Assert.Empty(changes);

        Assert.True(await server.ReloadAsync(CancellationToken.None));

        Assert.Equal(["Nord", "Jura"], server.All.Select(t => t.Name));
        Assert.Equal(
            [(TenantChangeKind.Updated, "Nord"), (TenantChangeKind.Added, "Jura"), (TenantChangeKind.Removed, "Default")],
            changes.Select(c => (c.Kind, c.Name)));
        Assert.Equal(TenantState.Uninitialized, changes[0].Before!.State);
        Assert.Equal(TenantState.Disabled, changes[0].After!.State);
        Assert.False(await server.ReloadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Writers_in_two_processes_never_lose_each_other_s_changes()
    {
        using var one = CreateStore();
        using var two = CreateStore();

        // Neither store has seen the other's entries when it writes: each write re-reads the file under the lock.
        await Task.WhenAll(
            Task.Run(async () =>
            {
                for (var i = 0; i < 15; i++)
                {
                    await one.AddAsync(new TenantSettings { Name = $"Un{i}", DisplayName = "Un", UrlPrefix = $"un-{i}" }, CancellationToken.None);
                }
            }),
            Task.Run(async () =>
            {
                for (var i = 0; i < 15; i++)
                {
                    await two.AddAsync(new TenantSettings { Name = $"Deux{i}", DisplayName = "Deux", UrlPrefix = $"deux-{i}" }, CancellationToken.None);
                }
            }));

        using var reader = CreateStore();
        Assert.Equal(30, reader.All.Count);
    }

    [Fact]
    public async Task A_broken_hand_edit_is_ignored_on_reload_and_the_previous_tenants_stay()
    {
        using var store = CreateStore();
        await store.SaveAsync(new TenantSettings { Name = "Nord", DisplayName = "Nord", UrlPrefix = "nord" }, CancellationToken.None);

        await File.WriteAllTextAsync(TenantsFile, "{ \"tenants\": [ { \"name\": \"Nord\", \"displayName\": \"Nord\", \"urlPrefix\": \"admin\" } ] }");

        Assert.False(await store.ReloadAsync(CancellationToken.None));
        Assert.Equal("nord", Assert.Single(store.All).UrlPrefix);

        // Once fixed, it is taken.
        await File.WriteAllTextAsync(TenantsFile, "{ \"tenants\": [ { \"name\": \"Nord\", \"displayName\": \"Nord\", \"urlPrefix\": \"nord-ouest\" } ] }");
        Assert.True(await store.ReloadAsync(CancellationToken.None));
        Assert.Equal("nord-ouest", Assert.Single(store.All).UrlPrefix);
    }

    [Fact]
    public void The_file_lock_is_exclusive_across_holders()
    {
        var path = Path.Combine(_root, "test.lock");
        using (var held = FileLock.TryAcquire(path))
        {
            Assert.NotNull(held);
            Assert.Null(FileLock.TryAcquire(path));
        }

        using var again = FileLock.TryAcquire(path);
        Assert.NotNull(again);
    }

    private JsonTenantStore CreateStore() =>
        new(Options.Create(new RallyNovOptions { DataPath = "App_Data" }), new TestHostEnvironment(_root));
}

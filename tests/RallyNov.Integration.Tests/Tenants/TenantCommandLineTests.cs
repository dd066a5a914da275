using System.Diagnostics;
using System.Net;
using RallyNov.Cms.CommandLine;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>`tenants ...`: the same rules as the screens, French errors, exit codes, and a running server that follows.</summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantCommandLineTests(TenantsAppFactory app)
{
    [Fact]
    public async Task A_running_server_follows_sites_created_disabled_and_removed_by_the_command_line()
    {
        var name = TenantsAppFactory.UniqueName("Cli");
        var prefix = name.ToLowerInvariant();
        var host = prefix + ".example.org";
        using var visitor = app.Site();
        visitor.Host = host;

        // An unknown host is refused by the host check before the site exists...
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync($"/{prefix}/pages/a-propos")).StatusCode);

        var create = await RunProcessAsync("tenants", "create", "--name", name, "--prefix", prefix, "--host", host, "--recipe", "territoire",
            "--admin-user", "cli-admin", "--admin-email", "cli@example.org", "--admin-password", TenantsAppFactory.SiteAdminPassword);
        Assert.True(create.Code == 0, create.Error);
        Assert.Contains("[6/6] Mise en service", create.Output, StringComparison.Ordinal);

        // ...and accepted (host + prefix) by the server that did not create the site, without a restart.
        Assert.Equal(HttpStatusCode.OK, await WaitForAsync(visitor, $"/{prefix}/pages/a-propos", HttpStatusCode.OK));

        // Its administrator signs in on the server that did not create it.
        using (var siteAdmin = app.Site())
        {
            siteAdmin.Host = host;
            using var login = await siteAdmin.LoginAsync($"/{prefix}", "cli-admin", TenantsAppFactory.SiteAdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var disable = await RunProcessAsync("tenants", "disable", "--name", name);
        Assert.True(disable.Code == 0, disable.Error);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await WaitForAsync(visitor, $"/{prefix}/pages/a-propos", HttpStatusCode.ServiceUnavailable));

        // Removed: its host name is unknown again.
        var remove = await RunProcessAsync("tenants", "remove", "--name", name, "--confirm", name);
        Assert.True(remove.Code == 0, remove.Error);
        Assert.Equal(HttpStatusCode.BadRequest, await WaitForAsync(visitor, $"/{prefix}/pages/a-propos", HttpStatusCode.BadRequest));
        Assert.False(Directory.Exists(app.Store.PathsFor(name).Root));
    }

    [Fact]
    public async Task Refusals_are_french_with_a_non_zero_exit_code()
    {
        var taken = await RunProcessAsync("tenants", "create", "--name", "Bourgogne", "--prefix", "admin", "--host", "http://x/",
            "--admin-user", "a", "--admin-email", "pas-un-email", "--admin-password", "court");
        Assert.Equal(1, taken.Code);
        foreach (var expected in new[] { "Erreur : Le site « Bourgogne » n'a pas été créé", "Un site nommé « Bourgogne » existe déjà", "Le préfixe « admin » est réservé", "Nom d'hôte « http://x/ » invalide", "L'adresse e-mail de l'administrateur n'est pas valide", "au moins 10 caractères" })
        {
            Assert.Contains(expected, taken.Error, StringComparison.Ordinal);
        }

        var running = await RunProcessAsync("tenants", "remove", "--name", "FrancheComte", "--confirm", "FrancheComte");
        Assert.Equal(1, running.Code);
        Assert.Contains("Désactivez d'abord le site « FrancheComte »", running.Error, StringComparison.Ordinal);

        var portal = await RunProcessAsync("tenants", "disable", "--name", "Default");
        Assert.Equal(1, portal.Code);
        Assert.Contains("Le portail ne peut pas être désactivé", portal.Error, StringComparison.Ordinal);

        var usage = await RunProcessAsync("tenants", "create", "--name", "Sans");
        Assert.Equal(2, usage.Code);
        Assert.Contains("--admin-user, --admin-email et --admin-password", usage.Error, StringComparison.Ordinal);
        Assert.Equal(TenantState.Running, app.Store.Find("FrancheComte")!.State);
    }

    [Fact]
    public async Task Export_and_import_from_the_command_line()
    {
        var name = TenantsAppFactory.UniqueName("Import");
        var file = Path.Combine(app.DataPath, "exports", name + ".zip");
        using var output = new StringWriter();

        Assert.Equal(0, await RunInProcessAsync(output, "tenants", "export", "--name", "FrancheComte", "--out", file));
        Assert.True(File.Exists(file));
        Assert.Equal(0, await RunInProcessAsync(output, "tenants", "import", "--name", name, "--prefix", name.ToLowerInvariant(), file));

        Assert.Contains($"Site « rally'nov Franche-Comté » ({name}) importé et en service à l'adresse /{name.ToLowerInvariant()}", output.ToString(), StringComparison.Ordinal);
        using var visitor = app.Site();
        Assert.Contains("Les conditions favorables", SiteBrowser.Text(await visitor.GetPageAsync($"/{name.ToLowerInvariant()}/pages/conditions-favorables-innovation-sociale")), StringComparison.Ordinal);

        // The installation's setup administrator signs in (no --admin-* given).
        using var login = await app.Site().LoginAsync("/" + name.ToLowerInvariant(), "admin", TenantsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        await Assert.ThrowsAsync<TenantManagementException>(() => RunInProcessAsync(TextWriter.Null, "tenants", "import", "--name", name + "b", "--prefix", name.ToLowerInvariant() + "b", Path.Combine(app.DataPath, "absent.zip")));
        await Assert.ThrowsAsync<CommandLineUsageException>(() => RunInProcessAsync(TextWriter.Null, "tenants", "export", "--name", "FrancheComte"));
    }

    private Task<int> RunInProcessAsync(TextWriter output, params string[] args)
    {
        var verb = CommandLineRunner.Verbs(app.Services).Single(v => v.Name == args[0]);
        return verb.RunAsync(new CommandLineContext(args[1..], output), CancellationToken.None);
    }

    /// <summary>Requests the path until it answers <paramref name="expected"/> (10 s at most); returns the last status.</summary>
    private static async Task<HttpStatusCode> WaitForAsync(SiteBrowser browser, string path, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await browser.GetAsync(path);
            if (response.StatusCode == expected || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The real executable on the shared site's data folder, as an operator runs it beside the server.</summary>
    private async Task<(int Code, string Output, string Error)> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RallyNov.Cms.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RallyNov__DataPath"] = app.DataPath;
        start.Environment["RallyNov__Setup__AdminPassword"] = TenantsAppFactory.AdminPassword;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (settingKey, settingValue) in Infrastructure.TestDatabase.SettingsFor(app.DataPath))
        {
            start.Environment[settingKey.Replace(":", "__", StringComparison.Ordinal)] = settingValue;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

using System.Diagnostics;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests;

/// <summary>The real executable, as an operator runs it: exit codes and the text on each stream.</summary>
public sealed class CommandLineProcessTests
{
    [Fact]
    public async Task Tenants_list_on_a_fresh_folder_exits_0()
    {
        var dataPath = RallyNovFactory.NewDataPath();
        try
        {
            var (code, output, error) = await RunAsync(dataPath, "tenants", "list");

            Assert.True(code == 0, $"exit code {code}: {error}");
            Assert.Contains("FrancheComte", output, StringComparison.Ordinal);
            Assert.Contains("/bourgogne", output, StringComparison.Ordinal);
            Assert.True(TestDatabase.IsPostgres || File.Exists(Path.Combine(dataPath, "tenants.json")));
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_2_with_the_usage_on_stderr()
    {
        var dataPath = RallyNovFactory.NewDataPath();
        try
        {
            var (code, _, error) = await RunAsync(dataPath, "export", "--tenant");

            Assert.Equal(2, code);
            Assert.Contains("Erreur : l'option --tenant attend une valeur.", error, StringComparison.Ordinal);
            Assert.Contains("Utilisation", error, StringComparison.Ordinal);
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    [Fact]
    public async Task Importing_a_missing_file_exits_non_zero()
    {
        var dataPath = RallyNovFactory.NewDataPath();
        try
        {
            var (code, _, error) = await RunAsync(dataPath, "import", "--tenant", "Bourgogne", Path.Combine(dataPath, "absent.json"));

            Assert.NotEqual(0, code);
            Assert.Contains("Erreur", error, StringComparison.Ordinal);
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string dataPath, params string[] args)
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

        start.Environment["RallyNov__DataPath"] = dataPath;
        start.Environment["RallyNov__Setup__AdminPassword"] = RallyNovFactory.AdminPassword;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in TestDatabase.SettingsFor(dataPath))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }


        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

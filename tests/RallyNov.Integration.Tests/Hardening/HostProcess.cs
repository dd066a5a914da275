using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// The built host as an operator runs it: `dotnet RallyNov.Cms.dll` in its own process, on a free
/// loopback port, with its own data folder. Only a separate process can be killed with SIGKILL
/// (no shutdown, no flush) the way a crash or an OOM killer does.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>"http://127.0.0.1:port".</summary>
    public string BaseUrl { get; }

    public static HostProcess Start(string dataPath, params (string Key, string Value)[] settings)
    {
        var baseUrl = "http://127.0.0.1:" + FreePort();
        var start = Command(dataPath, settings);
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");

        // Drained so a chatty log never blocks the server on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, baseUrl);
    }

    /// <summary>A command-line verb on a data folder: exit code and the text of each stream.</summary>
    public static async Task<(int Code, string Output, string Error)> RunVerbAsync(string dataPath, params string[] args)
    {
        var start = Command(dataPath, []);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Waits for /health 200: every tenant serves and every search index is built.</summary>
    public async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var client = Client();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, "The site exited during start-up.");
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"/health did not answer 200 within {timeout.TotalSeconds} s.");
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no disposal — a power cut for the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    private static ProcessStartInfo Command(string dataPath, (string Key, string Value)[] settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RallyNov.Cms.dll"));
        start.Environment["RallyNov__DataPath"] = dataPath;
        start.Environment["RallyNov__Setup__AdminPassword"] = RallyNovFactory.AdminPassword;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in TestDatabase.SettingsFor(dataPath).Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RallyNov.Core.Hosting;

/// <summary>
/// Gives back to the system the native memory the process has freed. On Linux, glibc keeps what
/// native code frees (the JIT's compilation buffers, SQLite's per-connection memory, OpenSSL) in
/// its per-thread arenas and only returns the top of each: at 100 000 items, after the HTTP bench's
/// pages, those arenas held 31–58 MB of resident memory for 15–20 MB in use (heaptrack, malloc_stats),
/// and one malloc_trim gave back 14 MB. The trim runs every few seconds while the server works
/// (a garbage collection happened since the last one) and never when it is idle. Windows, macOS
/// and C libraries without malloc_trim (musl) are left alone.
/// </summary>
internal sealed partial class NativeMemoryTrimmer(ILogger<NativeMemoryTrimmer> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private int _trims;
    private int _released;

    /// <summary>How many times the native heap was trimmed since the start.</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>How many of those trims gave memory back.</summary>
    public int Released => Volatile.Read(ref _released);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var timer = new PeriodicTimer(Period);
        var collections = -1;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // No collection since the last trim: the server was idle, nothing new to give back.
                var now = GC.CollectionCount(0);
                if (now == collections)
                {
                    continue;
                }

                collections = now;
                if (!TryTrim())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Trims once; false when this C library has no malloc_trim.</summary>
    public bool TryTrim()
    {
        try
        {
            // 1 when memory was given back, 0 when there was nothing to give.
            if (MallocTrim(0) != 0)
            {
                Interlocked.Increment(ref _released);
            }

            Interlocked.Increment(ref _trims);
            return true;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            LogUnavailable(logger, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Native memory is not trimmed: malloc_trim is not available ({Reason}).")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    // glibc's soname: "libc" alone would probe libc.so, a linker script that exists only where the
    // C development files are installed.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}

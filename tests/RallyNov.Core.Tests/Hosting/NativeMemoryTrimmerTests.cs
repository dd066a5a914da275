using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tests.Support;
using Xunit;

namespace RallyNov.Core.Tests.Hosting;

public sealed class NativeMemoryTrimmerTests
{
    [Fact]
    public async Task The_host_runs_the_trimmer_and_it_trims_the_native_heap_on_Linux()
    {
        await using var host = new CoreTestHost();
        var trimmer = Assert.Single(host.Services.GetServices<IHostedService>().OfType<NativeMemoryTrimmer>());
        Assert.Same(trimmer, host.Services.GetRequiredService<NativeMemoryTrimmer>());

        if (OperatingSystem.IsLinux())
        {
            // glibc (Debian, the supported host): the call is found and runs.
            Assert.True(trimmer.TryTrim());
            Assert.Equal(1, trimmer.Trims);
        }
    }

    [Fact]
    public async Task Once_started_it_trims_after_a_collection()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var host = new CoreTestHost();
        var trimmer = host.Services.GetRequiredService<NativeMemoryTrimmer>();
        await trimmer.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow + NativeMemoryTrimmer.Period * 4;
            while (trimmer.Trims == 0 && DateTime.UtcNow < deadline)
            {
                GC.Collect(0);
                await Task.Delay(200);
            }

            Assert.True(trimmer.Trims > 0, "no trim within four periods after collections");
        }
        finally
        {
            await trimmer.StopAsync(CancellationToken.None);
        }
    }
}

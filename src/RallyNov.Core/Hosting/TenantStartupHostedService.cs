using Microsoft.Extensions.Hosting;

namespace RallyNov.Core.Hosting;

/// <summary>Runs tenant start-up before the server takes requests.</summary>
internal sealed class TenantStartupHostedService(TenantSetupService setup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => setup.StartAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;

namespace RallyNov.Core.Email;

/// <summary>Sends the messages of <see cref="IEmailSender.Enqueue"/>, one after another, while the host runs.</summary>
internal sealed class EmailQueueService(MailKitEmailSender sender) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in sender.Queue.ReadAllAsync(stoppingToken))
            {
                // SendAsync logs its own failures and never throws for them.
                await sender.SendAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

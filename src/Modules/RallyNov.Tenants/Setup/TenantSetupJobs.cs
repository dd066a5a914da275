using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Accounts;
using RallyNov.Core.Hosting;
using RallyNov.Tenants.Management;

namespace RallyNov.Tenants.Setup;

/// <summary>Where one site's installation stands, as its progress page shows it.</summary>
public sealed class TenantSetupJob : IProgress<TenantSetupProgress>
{
    private readonly Lock _gate = new();
    private readonly List<string> _done = [];
    private string? _invitationLink;

    public TenantSetupJob(string name, string displayName)
    {
        Name = name;
        DisplayName = displayName;
    }

    public string Name { get; }

    public string DisplayName { get; }

    public int Step { get; private set; }

    public int Steps { get; private set; } = TenantSetupProgress.StepCount;

    public string Current { get; private set; } = "En attente";

    public bool Completed { get; private set; }

    /// <summary>The French reason of a failure (the site was then removed again), or null.</summary>
    public string? Error { get; private set; }

    public DateTime FinishedUtc { get; private set; }

    public IReadOnlyList<string> Done
    {
        get
        {
            lock (_gate)
            {
                return [.. _done];
            }
        }
    }

    /// <summary>The administrator's invitation (without its link), when the site was created with one.</summary>
    public InvitationResult? Invitation { get; private set; }

    /// <summary>The invitation link, the first time only: the page that shows it is its only copy.</summary>
    public string? TakeInvitationLink()
    {
        lock (_gate)
        {
            var link = _invitationLink;
            _invitationLink = null;
            return link;
        }
    }

    /// <summary>Keeps the link (in memory, until shown) apart from what may be shown again.</summary>
    internal void Invited(InvitationResult invitation)
    {
        lock (_gate)
        {
            _invitationLink = invitation.Link;
            Invitation = invitation with { Link = null };
        }
    }

    void IProgress<TenantSetupProgress>.Report(TenantSetupProgress value) => Report(value);

    internal void Report(TenantSetupProgress progress)
    {
        lock (_gate)
        {
            if (Step > 0 && progress.Step > Step)
            {
                _done.Add(Current);
            }

            (Step, Steps, Current) = (progress.Step, progress.Steps, progress.Label);
        }
    }

    internal void Finish(string? error)
    {
        lock (_gate)
        {
            if (error is null && Step > 0)
            {
                _done.Add(Current);
            }

            Error = error;
            Completed = true;
            FinishedUtc = DateTime.UtcNow;
        }
    }
}

/// <summary>
/// Runs site installations in the background so the person sees them progress (a page that polls
/// their state) instead of waiting on a silent request. In memory: after a restart, an unfinished
/// site shows as « en cours d'installation » in the list and is set up with the installation's
/// administrator at the next start.
/// </summary>
public sealed class TenantSetupJobs(IHostApplicationLifetime lifetime, ILogger<TenantSetupJobs> logger)
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, TenantSetupJob> _jobs = new(StringComparer.OrdinalIgnoreCase);

    public TenantSetupJob? Find(string name) => _jobs.GetValueOrDefault(name);

    /// <summary>
    /// Starts <paramref name="work"/> for a site (replacing a finished job of the same name); the work
    /// reports its progress to the job, synchronously so steps stay in order.
    /// </summary>
    public TenantSetupJob Start(string name, string displayName, Func<TenantSetupJob, CancellationToken, Task> work)
    {
        Prune();
        var job = new TenantSetupJob(name, displayName);
        _jobs[name] = job;

        // The job outlives the request: it must not see the request's HttpContext (nor its user).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(job, work));
        }

        return job;
    }

    private async Task RunAsync(TenantSetupJob job, Func<TenantSetupJob, CancellationToken, Task> work)
    {
        try
        {
            await work(job, lifetime.ApplicationStopping);
            job.Finish(null);
        }
        catch (TenantManagementException ex)
        {
            job.Finish(ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Setting up tenant {Tenant} failed.", job.Name);
            job.Finish("L'installation a échoué : " + ex.Message);
        }
    }

    private void Prune()
    {
        foreach (var (name, job) in _jobs)
        {
            if (job.Completed && DateTime.UtcNow - job.FinishedUtc > KeepFinished)
            {
                _jobs.TryRemove(name, out _);
            }
        }
    }
}

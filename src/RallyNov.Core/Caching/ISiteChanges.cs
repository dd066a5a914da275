using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Caching;

/// <summary>
/// Call after writing anything the current tenant's visitors see (content, settings, menus,
/// vocabularies, media, theme): its cached pages and data go once the write is durable — when
/// the tenant database's open transaction commits (a recipe, a scheduled publication), at once
/// when there is none. Invalidating before the commit would let a request read the old rows and
/// store them under the new version.
/// </summary>
public interface ISiteChanges
{
    Task ChangedAsync(CancellationToken cancellationToken);
}

internal sealed class SiteChanges(ITenantAccessor accessor, IServiceProvider services, ISiteCacheInvalidator invalidator) : ISiteChanges
{
    public Task ChangedAsync(CancellationToken cancellationToken)
    {
        if (accessor.Current is not { } tenant)
        {
            return Task.CompletedTask;
        }

        var name = tenant.Name;
        var transaction = services.GetRequiredService<RallyNovDbContext>().Database.CurrentTransaction?.GetDbTransaction();
        if (transaction is not null)
        {
            AfterCommitInterceptor.Register(transaction, () => CommittedAsync(name, CancellationToken.None));
            return Task.CompletedTask;
        }

        return CommittedAsync(name, cancellationToken);
    }

    /// <summary>Here, then on the other nodes (the invalidator announces it on the change bus): only a committed write is.</summary>
    private Task CommittedAsync(string tenant, CancellationToken cancellationToken) =>
        invalidator.TenantChangedAsync(tenant, cancellationToken);
}

/// <summary>
/// Runs what <see cref="Register"/> queued on a transaction right after it commits; drops it on a
/// rollback. Added to every tenant context (content and modules', which share its transaction).
/// </summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AfterCommitInterceptor Instance = new();

    private static readonly ConditionalWeakTable<DbTransaction, List<Func<Task>>> Pending = new();

    public static void Register(DbTransaction transaction, Func<Task> action)
    {
        var list = Pending.GetValue(transaction, _ => []);
        lock (list)
        {
            list.Add(action);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        RunAsync(transaction, eventData.Context).GetAwaiter().GetResult();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        RunAsync(transaction, eventData.Context);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Pending.Remove(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Pending.Remove(transaction);
        return Task.CompletedTask;
    }

    private static async Task RunAsync(DbTransaction transaction, DbContext? context)
    {
        if (!Pending.TryGetValue(transaction, out var list) || !Pending.Remove(transaction))
        {
            return;
        }

        Func<Task>[] actions;
        lock (list)
        {
            actions = [.. list];
        }

        foreach (var action in actions)
        {
            try
            {
                await action();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The commit happened: a failing follower must not turn it into an error.
                context?.GetService<ILoggerFactory>()?.CreateLogger<AfterCommitInterceptor>().LogError(ex, "An after-commit action failed.");
            }
        }
    }
}

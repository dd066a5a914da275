using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RallyNov.AuditTrail.Data;

/// <summary>
/// Queries of <see cref="AuditTrailDbContext"/> run inside the content context's open transaction
/// (SQLite rejects a command without it on a connection with a pending transaction), and never
/// inside a borrowed transaction that its owner has already finished.
/// </summary>
internal sealed class AmbientTransactionInterceptor : DbCommandInterceptor
{
    public static readonly AmbientTransactionInterceptor Instance = new();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.Context is AuditTrailDbContext audit)
        {
            var ambient = audit.AmbientTransaction;
            if (ambient is not null)
            {
                result.Transaction = ambient;
            }
            else if (audit.IsBorrowed(result.Transaction))
            {
                result.Transaction = null;
            }
        }

        return result;
    }
}

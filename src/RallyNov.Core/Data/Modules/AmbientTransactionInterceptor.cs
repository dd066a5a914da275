using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RallyNov.Core.Data.Modules;

/// <summary>
/// Queries of a module context run inside the content context's open transaction (SQLite rejects a
/// command without it on a connection with a pending transaction), and never inside a borrowed
/// transaction that its owner has already finished.
/// </summary>
internal sealed class AmbientTransactionInterceptor : DbCommandInterceptor
{
    public static readonly AmbientTransactionInterceptor Instance = new();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.Context is IJoinsAmbientTransaction module)
        {
            var ambient = module.Ambient.Current;
            if (ambient is not null)
            {
                result.Transaction = ambient;
            }
            else if (module.Ambient.IsBorrowed(result.Transaction))
            {
                result.Transaction = null;
            }
        }

        return result;
    }
}

namespace RallyNov.Core.Tenants;

/// <summary>Per-tenant folders under App_Data/Sites/{tenant}/.</summary>
public sealed class TenantPaths
{
    public TenantPaths(string dataPath, string tenantName)
    {
        Root = Path.Combine(dataPath, "Sites", tenantName);
    }

    public string Root { get; }

    public string Media => Path.Combine(Root, "Media");

    public string SearchIndex => Path.Combine(Root, "Lucene");

    public string SqliteDatabase => Path.Combine(Root, "content.db");

    /// <summary>Held (see <see cref="FileLock"/>) by the one process setting the tenant up.</summary>
    public string SetupLock => Path.Combine(Root, "setup.lock");
}

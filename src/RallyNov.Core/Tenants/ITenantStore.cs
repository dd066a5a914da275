namespace RallyNov.Core.Tenants;

/// <summary>Reads and writes App_Data/tenants.json; readers get an immutable snapshot.</summary>
public interface ITenantStore
{
    /// <summary>The current tenants, in file order. Cheap: served from memory.</summary>
    IReadOnlyList<TenantSettings> All { get; }

    TenantSettings? Find(string name);

    /// <summary>Adds or replaces a tenant (matched by name) and saves the file atomically.</summary>
    Task SaveAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>True when tenants.json existed when the store was loaded.</summary>
    bool FileExists { get; }

    string DataPath { get; }

    TenantPaths PathsFor(string tenantName);
}

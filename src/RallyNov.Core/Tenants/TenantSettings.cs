using System.Text.Json.Serialization;

namespace RallyNov.Core.Tenants;

[JsonConverter(typeof(JsonStringEnumConverter<TenantState>))]
public enum TenantState
{
    Uninitialized,
    Running,
    Disabled,
}

/// <summary>Where a tenant keeps its data. Empty values fall back to the host defaults.</summary>
public sealed class TenantDatabaseSettings
{
    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string? Provider { get; set; }

    /// <summary>Full connection string; for SQLite, empty means App_Data/Sites/{tenant}/content.db.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL schema of the tenant (one schema per tenant in a shared database).</summary>
    public string? Schema { get; set; }
}

/// <summary>One entry of App_Data/tenants.json.</summary>
public sealed class TenantSettings
{
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>URL prefix without slashes ("bourgogne"); empty for a tenant served at the root.</summary>
    public string UrlPrefix { get; set; } = "";

    /// <summary>Host names, with an optional port; "*.example.org" matches any sub-domain.</summary>
    public List<string> Hosts { get; set; } = [];

    public TenantState State { get; set; } = TenantState.Uninitialized;

    public TenantDatabaseSettings Database { get; set; } = new();

    /// <summary>Module ids switched on; null means every module of the host.</summary>
    public List<string>? EnabledModules { get; set; }

    public string Theme { get; set; } = "RallyNov.Theme";

    /// <summary>Recipe run at setup (file name under the host's recipes folder).</summary>
    public string? Recipe { get; set; }

    [JsonIgnore]
    public bool IsDefault => string.Equals(Name, TenantNames.Default, StringComparison.OrdinalIgnoreCase);

    public TenantSettings Clone() => new()
    {
        Name = Name,
        DisplayName = DisplayName,
        UrlPrefix = UrlPrefix,
        Hosts = [.. Hosts],
        State = State,
        Database = new TenantDatabaseSettings
        {
            Provider = Database.Provider,
            ConnectionString = Database.ConnectionString,
            Schema = Database.Schema,
        },
        EnabledModules = EnabledModules is null ? null : [.. EnabledModules],
        Theme = Theme,
        Recipe = Recipe,
    };
}

public static class TenantNames
{
    public const string Default = "Default";
}

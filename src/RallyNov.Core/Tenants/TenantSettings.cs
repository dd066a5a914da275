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

    /// <summary>True when every stored value is equal (names compared exactly).</summary>
    public static bool SameValues(TenantSettings a, TenantSettings b) =>
        a.Name == b.Name
        && a.DisplayName == b.DisplayName
        && a.UrlPrefix == b.UrlPrefix
        && a.Hosts.SequenceEqual(b.Hosts, StringComparer.Ordinal)
        && a.State == b.State
        && a.Database.Provider == b.Database.Provider
        && a.Database.ConnectionString == b.Database.ConnectionString
        && a.Database.Schema == b.Database.Schema
        && (a.EnabledModules is null ? b.EnabledModules is null : b.EnabledModules is not null && a.EnabledModules.SequenceEqual(b.EnabledModules, StringComparer.Ordinal))
        && a.Theme == b.Theme
        && a.Recipe == b.Recipe;

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

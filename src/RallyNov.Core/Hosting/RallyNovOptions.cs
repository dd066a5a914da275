namespace RallyNov.Core.Hosting;

/// <summary>The "RallyNov" configuration section (appsettings.json or RallyNov__* variables).</summary>
public sealed class RallyNovOptions
{
    public const string Section = "RallyNov";

    /// <summary>Folder for tenants.json, databases, media and indexes; relative to the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>
    /// "https://www.example.org": scheme and host of the installation, for links sent by e-mail
    /// (invitations, password resets) to tenants without host names of their own. Set it in
    /// production: otherwise links take the host the request named.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public SetupOptions Setup { get; set; } = new();

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>How often a running server looks for tenant changes made by another process (tenants.json).</summary>
    public int TenantsPollMilliseconds { get; set; } = 500;
}

public sealed class SetupOptions
{
    public string AdminUserName { get; set; } = "admin";

    /// <summary>When empty a strong password is generated, printed once and saved under App_Data.</summary>
    public string? AdminPassword { get; set; }

    public string AdminEmail { get; set; } = "admin@rallynov.local";
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Shared PostgreSQL connection string; each tenant gets its own schema.</summary>
    public string? ConnectionString { get; set; }
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
}

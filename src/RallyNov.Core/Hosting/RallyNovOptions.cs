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

    /// <summary>
    /// Host names the site answers to besides the tenants' own (same format: "www.example.org",
    /// "example.org:8443", "*.example.org"). A request for any other host gets a 400 and is never
    /// echoed into links, feeds or redirects. "*" accepts every host (not recommended).
    /// </summary>
    public List<string> PublicHosts { get; set; } = [];

    public ReverseProxyOptions ReverseProxy { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Several nodes behind one site: what they share through Redis (docs/operations.md, « Plusieurs nœuds »).</summary>
    public RedisOptions Redis { get; set; } = new();
}

/// <summary>
/// Redis shared by every node: data-protection keys (a sign-in made on one node is valid on all)
/// and a channel for change notifications. Unset: one node, keys in the data folder.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>StackExchange.Redis configuration string, e.g. "10.0.0.7:6379,password=...". Empty: no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every Redis key and channel, so that two installations may share one Redis.</summary>
    public string KeyPrefix { get; set; } = "rallynov";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}

/// <summary>
/// A TLS reverse proxy in front of the site: X-Forwarded-For and X-Forwarded-Proto are trusted from
/// these addresses only (loopback always), so client addresses, https URLs and Secure cookies are right.
/// </summary>
public sealed class ReverseProxyOptions
{
    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to trust (entries of X-Forwarded-For read from the right).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>Requests per client address and window of each rate-limited group of routes.</summary>
public sealed class RateLimitOptions
{
    /// <summary>False lifts every limit (benchmarks on loopback); the policies stay defined.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts (POST /admin/login).</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Password reset requests.</summary>
    public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

    /// <summary>Searches and suggestions (/recherche, /api/search, /api/search/suggest).</summary>
    public RateLimitRule Search { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Forms the public can post (contact, proposals).</summary>
    public RateLimitRule PublicForm { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };
}

public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
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

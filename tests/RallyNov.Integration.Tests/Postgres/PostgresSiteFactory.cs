using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Postgres;

/// <summary>
/// The whole site on PostgreSQL: a fresh database on the throwaway server that test.sh starts
/// (RALLYNOV_TEST_POSTGRES, a connection string to its "postgres" database), one schema per tenant.
/// The database is dropped when the factory is disposed.
/// </summary>
public sealed class PostgresSiteFactory : WebApplicationFactory<Program>
{
    public const string Variable = "RALLYNOV_TEST_POSTGRES";
    public const string AdminPassword = "Essai-Postgres-2026!";

    private readonly string _server;

    public PostgresSiteFactory()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL tests need the throwaway server that ./test.sh starts (apt package postgresql).");
        DatabaseName = "rallynov_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(_server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{DatabaseName}\"";
            command.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = DatabaseName }.ToString();
        DataPath = Path.Combine(Path.GetTempPath(), "rallynov-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public string DataPath { get; }

    public AsyncServiceScope Scope(string tenant)
    {
        var settings = Services.GetRequiredService<ITenantStore>().Find(tenant) ?? throw new InvalidOperationException("No tenant " + tenant);
        return Services.GetRequiredService<ITenantScopeFactory>().CreateScope(settings);
    }

    /// <summary>Set to false to look at the site before its search indexes are built.</summary>
    public bool WaitForReadiness { get; init; } = true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForReadiness)
        {
            Readiness.WaitForHealth(host);
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddressStartupFilter>());
        builder.UseSetting("RallyNov:DataPath", DataPath);
        builder.UseSetting("RallyNov:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("RallyNov:Database:Provider", "Postgres");
        builder.UseSetting("RallyNov:Database:ConnectionString", ConnectionString);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(_server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)";
            command.ExecuteNonQuery();
            Directory.Delete(DataPath, recursive: true);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException)
        {
            // The server and the temp folder are thrown away by test.sh anyway.
        }
    }
}

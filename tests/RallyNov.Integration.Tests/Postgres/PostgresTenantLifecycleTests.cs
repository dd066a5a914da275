using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;
using RallyNov.Tenants.Statistics;

namespace RallyNov.Integration.Tests.Postgres;

/// <summary>A site created and removed while the server runs on PostgreSQL: its own schema appears, answers, then is dropped.</summary>
public sealed class PostgresTenantLifecycleTests : IDisposable
{
    private readonly PostgresSiteFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Creating_then_removing_a_site_creates_then_drops_its_schema_only()
    {
        using var client = _factory.CreateClient();
        var services = _factory.Services;
        var manager = services.GetRequiredService<ITenantManager>();

        await manager.CreateAsync(new TenantCreateRequest
        {
            Name = "Jura",
            DisplayName = "rally'nov Jura",
            UrlPrefix = "jura",
            AdminUserName = "jura-admin",
            AdminEmail = "jura@example.org",
            AdminPassword = PostgresSiteFactory.AdminPassword,
        }, "tests", null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/jura/pages/mentions-legales", UriKind.Relative))).StatusCode);
        var jura = services.GetRequiredService<ITenantStore>().Find("Jura")!;
        Assert.True(await services.GetRequiredService<ITenantDatabase>().ExistsAsync(jura, CancellationToken.None));
        var activity = (await services.GetRequiredService<ITenantStatistics>().ForAsync([jura], CancellationToken.None))["Jura"];
        Assert.Equal((4, 4), (activity!.Items, activity.Published));
        Assert.Contains("schéma PostgreSQL « jura »", manager.WhatRemovalDeletes(jura)[0], StringComparison.Ordinal);

        await manager.DisableAsync("Jura", "tests", CancellationToken.None);
        await manager.RemoveAsync("Jura", "Jura", "tests", CancellationToken.None);

        await using var connection = new NpgsqlConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        Assert.False(await SchemaExistsAsync(connection, "jura"));
        Assert.True(await SchemaExistsAsync(connection, "bourgogne"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/jura/pages/mentions-legales", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/bourgogne/laureats", UriKind.Relative))).StatusCode);
    }

    private static async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, string schema)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.schemata WHERE schema_name = @schema";
        command.Parameters.AddWithValue("schema", schema);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Indexing;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Postgres;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// On PostgreSQL a publish's IndexingTasks id is taken when its row is inserted, but its transaction
/// may commit after a later one: a search rebuild reading the log meanwhile must not lose it.
/// </summary>
public sealed class RebuildDuringPublishTests
{
    [ClusterFact]
    public async Task A_publish_committed_after_a_rebuild_that_passed_its_task_id_is_still_indexed()
    {
        var server = Environment.GetEnvironmentVariable(PostgresSiteFactory.Variable)!;
        var database = "rallynov_rebuild_" + Guid.NewGuid().ToString("N")[..12];
        Execute(server, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        var node = new ClusterNode(RallyNovFactory.NewDataPath(), connectionString, redis: null, keyPrefix: "rallynov-rebuild-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            node.CreateClient().Dispose();
            var bourgogne = node.Services.GetRequiredService<ITenantStore>().Find("Bourgogne")!;
            var scopes = node.Services.GetRequiredService<ITenantScopeFactory>();
            var word = new string([.. Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26)))]);

            // A publish whose transaction stays open: its task id is taken, its rows invisible to others.
            await using var slow = scopes.CreateScope(bourgogne);
            var slowDb = slow.ServiceProvider.GetRequiredService<RallyNovDbContext>();
            await using var transaction = await slowDb.Database.BeginTransactionAsync();
            var contents = slow.ServiceProvider.GetRequiredService<IContentManager>();
            var page = contents.New("Page");
            page.Set("Title", "Publication lente " + word);
            Assert.True((await contents.PublishAsync(page, CancellationToken.None)).Succeeded);

            // A later task commits first (a publish on another node), then a rebuild runs at once.
            await using (var other = scopes.CreateScope(bourgogne))
            {
                var db = other.ServiceProvider.GetRequiredService<RallyNovDbContext>();
                db.IndexingTasks.Add(new IndexingTask { ContentItemId = "autre-" + word, ContentType = "Page", Kind = IndexingTaskKind.Delete, CreatedUtc = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }

            await using (var rebuild = scopes.CreateScope(bourgogne))
            {
                await rebuild.ServiceProvider.GetRequiredService<ISearchIndexer>().RebuildAsync(null, CancellationToken.None);
            }

            // The slow publish commits after the rebuild: the next pass of the index applies it.
            await transaction.CommitAsync();
            await using (var pass = scopes.CreateScope(bourgogne))
            {
                await pass.ServiceProvider.GetRequiredService<ISearchIndexer>().CatchUpAsync(CancellationToken.None);
            }

            using var visitor = node.Client();
            using var json = JsonDocument.Parse(await visitor.GetStringAsync(new Uri("/bourgogne/api/search?q=" + word, UriKind.Relative)));
            Assert.Equal(1, json.RootElement.GetProperty("hits").GetArrayLength());
        }
        finally
        {
            await node.DisposeAsync();
            RallyNovFactory.DeleteDataPath(node.DataPath);
            NpgsqlConnection.ClearAllPools();
            try
            {
                Execute(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // test.sh throws the server away anyway.
            }
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Data;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Proposals.Data;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>
/// A start skips the migrator when a database holds every migration of the build; a database the
/// last migrations are missing from (a site upgraded to this build) must still be brought up to date
/// before it answers: the content context's and a module context's, each with its own history table.
/// </summary>
public sealed class MigrationsAtStartTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_database_missing_the_last_migrations_is_brought_up_to_date_at_start()
    {
        var dataPath = RallyNovFactory.NewDataPath();
        try
        {
            await using (var first = new RallyNovFactory(dataPath))
            {
                // Back to the schema of the build before the last migration of each context: the
                // columns those migrations added are dropped and their rows leave the histories.
                await first.InTenantAsync("Bourgogne", async sp =>
                {
                    var db = sp.GetRequiredService<RallyNovDbContext>();
                    Assert.False(await db.Database.IsBehindAsync(Ct));
                    await db.Database.ExecuteSqlRawAsync("""DROP INDEX "IX_ContentItems_Scheduled" """, Ct);
                    await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "ContentItems" DROP COLUMN "ScheduledPublishUtc" """, Ct);
                    await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "ContentItems" DROP COLUMN "ReviewRequestedUtc" """, Ct);
                    await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_ReviewAndSchedule'""", Ct);
                    await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Proposals" DROP COLUMN "MergedIntoId" """, Ct);
                    await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__ProposalsMigrationsHistory" WHERE "MigrationId" LIKE '%_ProposalMergedInto'""", Ct);
                    Assert.True(await db.Database.IsBehindAsync(Ct));
                    Assert.True(await sp.GetRequiredService<ProposalsDbContext>().Database.IsBehindAsync(Ct));
                    return 0;
                });
            }

            await using var second = new RallyNovFactory(dataPath);
            await second.InTenantAsync("Bourgogne", async sp =>
            {
                var db = sp.GetRequiredService<RallyNovDbContext>();
                var proposals = sp.GetRequiredService<ProposalsDbContext>();
                Assert.False(await db.Database.IsBehindAsync(Ct));
                Assert.False(await proposals.Database.IsBehindAsync(Ct));

                // The columns are back: queries naming them run.
                Assert.True(await db.ContentItems.CountAsync(x => x.ScheduledPublishUtc == null && x.ReviewRequestedUtc == null, Ct) > 0);
                Assert.Equal(0, await proposals.Proposals.CountAsync(x => x.MergedIntoId != null, Ct));
                return 0;
            });

            // And the site answers.
            using var client = second.CreateClient();
            var (status, _) = await Html.GetAsync(client, "/bourgogne/");
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }
}

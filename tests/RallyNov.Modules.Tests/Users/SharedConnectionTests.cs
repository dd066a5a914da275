using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data.Sqlite;
using RallyNov.Users.Data;

namespace RallyNov.Modules.Tests.Users;

/// <summary>
/// The users context shares the content context's connection and transaction: a recipe that
/// fails after its "users" step leaves no account behind, and nothing waits on a second connection.
/// </summary>
public sealed class SharedConnectionTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private SqliteRallyNovDbContext _content = null!;
    private UsersDbContext _users = null!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _content = new SqliteRallyNovDbContext(new DbContextOptionsBuilder<SqliteRallyNovDbContext>().UseSqlite(_connection).Options);
        await _content.Database.MigrateAsync();
        _users = UsersDbContextFactory.Create(_content);
        await _users.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _users?.Dispose();
        _content?.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public void Both_contexts_use_one_connection_and_separate_history_tables()
    {
        Assert.Same(_content.Database.GetDbConnection(), _users.Database.GetDbConnection());
        Assert.Contains("InitialUsers", string.Join(",", _users.Database.GetAppliedMigrations()), StringComparison.Ordinal);
        Assert.DoesNotContain(_content.Database.GetAppliedMigrations(), m => m.Contains("Users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_join_the_content_transaction_and_roll_back_with_it()
    {
        await using (var transaction = await _content.Database.BeginTransactionAsync())
        {
            _users.Users.Add(NewUser("rolled-back"));
            await _users.SaveChangesAsync();
            Assert.True(await _users.Users.AnyAsync(u => u.UserName == "rolled-back"));
            await transaction.RollbackAsync();
        }

        _users.ChangeTracker.Clear();
        Assert.False(await _users.Users.AnyAsync(u => u.UserName == "rolled-back"));
    }

    [Fact]
    public async Task After_the_content_transaction_commits_the_users_context_works_on_its_own()
    {
        await using (var transaction = await _content.Database.BeginTransactionAsync())
        {
            _users.Users.Add(NewUser("committed"));
            await _users.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.True(await _users.Users.AnyAsync(u => u.UserName == "committed"));
        _users.Users.Add(NewUser("later"));
        await _users.SaveChangesAsync();
        Assert.Equal(2, await _users.Users.CountAsync());
    }

    private static RallyNovUser NewUser(string name) => new()
    {
        UserName = name,
        NormalizedUserName = name.ToUpperInvariant(),
        Email = name + "@example.org",
        NormalizedEmail = (name + "@example.org").ToUpperInvariant(),
        SecurityStamp = Guid.NewGuid().ToString(),
    };
}

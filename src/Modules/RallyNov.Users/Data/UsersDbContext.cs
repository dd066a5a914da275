using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Core.Data.Modules;
using RallyNov.Users.Data.Configurations;

namespace RallyNov.Users.Data;

/// <summary>
/// Identity's tables in the tenant's own database. It runs on the same connection as the scope's
/// <see cref="RallyNovDbContext"/> and joins its transaction: on SQLite a second connection would
/// wait for the busy timeout while a recipe holds the write lock, and a recipe's "users" step must
/// roll back with the rest of the recipe.
/// </summary>
public abstract class UsersDbContext : IdentityDbContext<RallyNovUser, IdentityRole, string>, IJoinsAmbientTransaction
{
    protected UsersDbContext(DbContextOptions options, RallyNovDbContext? ambient)
        : base(options)
    {
        Ambient = new AmbientTransaction(ambient);
    }

    /// <summary>Invitation and password-reset links (hashes only).</summary>
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    /// <summary>The content context's transaction this context joins.</summary>
    public AmbientTransaction Ambient { get; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Ambient.Join(Database);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Ambient.Join(Database);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new RallyNovUserConfiguration());
        builder.ApplyConfiguration(new AccountTokenConfiguration());
    }
}

using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Content;
using RallyNov.Core.Data.Configurations;
using RallyNov.Core.Indexing;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;

namespace RallyNov.Core.Data;

/// <summary>
/// A tenant's content database. Each provider has its own sealed subclass with its own
/// migrations, because generated SQL (filters, types) differs between SQLite and PostgreSQL.
/// </summary>
public abstract class RallyNovDbContext : DbContext
{
    protected RallyNovDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<ContentItem> ContentItems => Set<ContentItem>();

    public DbSet<IndexingTask> IndexingTasks => Set<IndexingTask>();

    public DbSet<Vocabulary> Vocabularies => Set<Vocabulary>();

    public DbSet<Term> Terms => Set<Term>();

    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    /// <summary>How the provider writes a true boolean in an index filter.</summary>
    protected abstract string TrueLiteral { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ContentItemConfiguration(TrueLiteral));
        modelBuilder.ApplyConfiguration(new IndexingTaskConfiguration());
        modelBuilder.ApplyConfiguration(new VocabularyConfiguration());
        modelBuilder.ApplyConfiguration(new TermConfiguration());
        modelBuilder.ApplyConfiguration(new SiteSettingConfiguration());
    }
}

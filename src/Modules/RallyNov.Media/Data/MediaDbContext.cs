using Microsoft.EntityFrameworkCore;

namespace RallyNov.Media.Data;

/// <summary>
/// The media metadata table in the tenant's own database, on the same connection as the scope's
/// content context (see <see cref="MediaDbContextFactory"/>). Media writes never run inside a
/// recipe transaction, so unlike the users context there is no ambient transaction to join.
/// </summary>
public abstract class MediaDbContext : DbContext
{
    protected MediaDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var file = modelBuilder.Entity<MediaFile>();
        file.ToTable("MediaFiles");
        file.HasKey(x => x.Id);
        file.Property(x => x.Path).HasMaxLength(512).IsRequired();
        file.Property(x => x.Folder).HasMaxLength(400).IsRequired();
        file.Property(x => x.FileName).HasMaxLength(160).IsRequired();
        file.Property(x => x.ContentType).HasMaxLength(64).IsRequired();
        file.Property(x => x.Alt).HasMaxLength(500).IsRequired();
        file.Property(x => x.Title).HasMaxLength(200);
        file.Property(x => x.UploadedBy).HasMaxLength(256);
        file.Ignore(x => x.IsImage);
        file.HasIndex(x => x.Path).IsUnique();
        file.HasIndex(x => x.Folder);
    }
}

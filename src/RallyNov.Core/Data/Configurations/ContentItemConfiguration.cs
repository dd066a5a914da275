using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RallyNov.Core.Content;

namespace RallyNov.Core.Data.Configurations;

internal sealed class ContentItemConfiguration(string trueLiteral) : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        builder.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(64).IsRequired();
        builder.Property(x => x.DisplayText).HasMaxLength(400).IsRequired();
        builder.Property(x => x.Slug).HasMaxLength(120);
        builder.Property(x => x.Owner).HasMaxLength(256);
        builder.Property(x => x.Author).HasMaxLength(256);
        builder.Property(x => x.Content).HasJsonConversion().IsRequired();
        builder.Ignore(x => x.IsNew);

        builder.HasIndex(x => x.ContentItemVersionId).IsUnique();

        // At most one latest and one published version per item, enforced by the database so
        // two concurrent publishes can never both win.
        builder.HasIndex(x => x.ContentItemId).IsUnique().HasFilter($"\"Latest\" = {trueLiteral}").HasDatabaseName("IX_ContentItems_Latest");
        builder.HasIndex(x => x.ContentItemId).IsUnique().HasFilter($"\"Published\" = {trueLiteral}").HasDatabaseName("IX_ContentItems_Published");

        // Public look-ups (slug → published item) and lists (type, status, date) are one index seek each.
        builder.HasIndex(x => new { x.Slug, x.Published }).HasDatabaseName("IX_ContentItems_Slug_Published");
        builder.HasIndex(x => new { x.ContentType, x.Published, x.PublishedUtc }).HasDatabaseName("IX_ContentItems_Type_Published");
        builder.HasIndex(x => new { x.ContentType, x.Latest, x.ModifiedUtc }).HasDatabaseName("IX_ContentItems_Type_Latest");
        builder.HasIndex(x => new { x.ContentItemId, x.VersionNumber }).HasDatabaseName("IX_ContentItems_History");
        builder.HasIndex(x => x.Owner);

        // The scheduler looks for due items every few seconds: a seek on the few scheduled rows.
        builder.HasIndex(x => x.ScheduledPublishUtc).HasDatabaseName("IX_ContentItems_Scheduled");
    }
}

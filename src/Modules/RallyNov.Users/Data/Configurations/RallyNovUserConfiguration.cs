using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RallyNov.Users.Data.Configurations;

/// <summary>Our columns on top of Identity's user table (Identity configures its own).</summary>
internal sealed class RallyNovUserConfiguration : IEntityTypeConfiguration<RallyNovUser>
{
    public void Configure(EntityTypeBuilder<RallyNovUser> builder)
    {
        builder.Property(u => u.CreatedUtc);
        builder.Ignore(u => u.IsDisabled);
    }
}

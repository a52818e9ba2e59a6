using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Paywall;

using PublisherPortal.Entitlements;

namespace PublisherPortal.Data.Configurations;

public sealed class AccessTierConfiguration : IEntityTypeConfiguration<AccessTier>
{
    public void Configure(EntityTypeBuilder<AccessTier> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Slug).HasMaxLength(100);
        builder.Property(t => t.Description).HasMaxLength(500);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasIndex(t => t.Rank).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Entitlements;

namespace PublisherPortal.Data.Configurations;

public sealed class KnownReaderConfiguration : IEntityTypeConfiguration<KnownReader>
{
    public void Configure(EntityTypeBuilder<KnownReader> builder)
    {
        builder.Property(r => r.Issuer).HasMaxLength(500);
        builder.Property(r => r.Subject).HasMaxLength(255);
        builder.Property(r => r.ProviderKey).HasMaxLength(100);
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.PlanKeys).HasMaxLength(2000);
        builder.Property(r => r.PlansSource).HasMaxLength(50);
        builder.HasIndex(r => new { r.Issuer, r.Subject }).IsUnique();
        builder.HasIndex(r => r.Email);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Entitlements;

namespace PublisherPortal.Data.Configurations;

public sealed class PlanMappingConfiguration : IEntityTypeConfiguration<PlanMapping>
{
    public void Configure(EntityTypeBuilder<PlanMapping> builder)
    {
        builder.Property(m => m.ProviderKey).HasMaxLength(100);
        builder.Property(m => m.PlanKey).HasMaxLength(200);
        builder.HasIndex(m => new { m.ProviderKey, m.PlanKey }).IsUnique();
        // An offer grants one plan: the same offer on two mappings of a provider would sell one of them wrongly.
        builder.Property(m => m.Offer).HasMaxLength(200);
        builder.HasIndex(m => new { m.ProviderKey, m.Offer }).IsUnique();
        // A tier that plans still map to cannot be deleted: the admin removes or moves the mappings first.
        builder.HasOne(m => m.AccessTier).WithMany().HasForeignKey(m => m.AccessTierId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Entitlements;

namespace PublisherPortal.Data.Configurations;

public sealed class UnmappedPlanConfiguration : IEntityTypeConfiguration<UnmappedPlan>
{
    public void Configure(EntityTypeBuilder<UnmappedPlan> builder)
    {
        builder.Property(p => p.ProviderKey).HasMaxLength(100);
        builder.Property(p => p.PlanKey).HasMaxLength(200);
        builder.Property(p => p.Label).HasMaxLength(200);
        builder.HasIndex(p => new { p.ProviderKey, p.PlanKey }).IsUnique();
    }
}

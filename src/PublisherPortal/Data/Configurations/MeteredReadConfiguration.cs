using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Paywall;

namespace PublisherPortal.Data.Configurations;

public sealed class MeteredReadConfiguration : IEntityTypeConfiguration<MeteredRead>
{
    public void Configure(EntityTypeBuilder<MeteredRead> builder)
    {
        // The key makes "this story, this month" count once however many requests race to record it.
        builder.HasKey(r => new { r.Issuer, r.Subject, r.Month, r.ArticleId });
        builder.Property(r => r.Issuer).HasMaxLength(500);
        builder.Property(r => r.Subject).HasMaxLength(255);
        builder.Property(r => r.Month).HasMaxLength(7);
        // One story per numbered free slot: the database, not the request, decides who gets the last one.
        builder.HasIndex(r => new { r.Issuer, r.Subject, r.Month, r.Slot }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorIssuer).HasMaxLength(500);
        builder.Property(a => a.ActorSubject).HasMaxLength(255);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(50);
        builder.Property(a => a.Target).HasMaxLength(300);
        builder.Property(a => a.Before).HasMaxLength(2000);
        builder.Property(a => a.After).HasMaxLength(2000);
        // The screen lists newest first and filters by action.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.At });
    }
}

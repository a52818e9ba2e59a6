using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Accounts;
using PublisherPortal.Sessions;

namespace PublisherPortal.Data.Configurations;

public sealed class ReaderSessionConfiguration : IEntityTypeConfiguration<ReaderSession>
{
    public void Configure(EntityTypeBuilder<ReaderSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Provider).HasMaxLength(100);
        builder.Property(s => s.Issuer).HasMaxLength(500);
        builder.Property(s => s.Subject).HasMaxLength(255);
        builder.Property(s => s.ProviderSessionId).HasMaxLength(255);
        builder.HasIndex(s => new { s.Provider, s.ProviderSessionId });
        builder.HasIndex(s => new { s.Issuer, s.Subject });
        builder.HasIndex(s => s.ExpiresAt);
    }
}

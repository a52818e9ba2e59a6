using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Sessions;

namespace PublisherPortal.Data.Configurations;

public sealed class ConsumedLogoutTokenConfiguration : IEntityTypeConfiguration<ConsumedLogoutToken>
{
    public void Configure(EntityTypeBuilder<ConsumedLogoutToken> builder)
    {
        // The key itself refuses a replay, atomically, whichever instance receives it.
        builder.HasKey(t => new { t.Issuer, t.TokenId });
        builder.Property(t => t.Issuer).HasMaxLength(500);
        builder.Property(t => t.TokenId).HasMaxLength(255);
        builder.HasIndex(t => t.ExpiresAt);
    }
}

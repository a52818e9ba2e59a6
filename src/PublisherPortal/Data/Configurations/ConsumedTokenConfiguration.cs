using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Sessions;

namespace PublisherPortal.Data.Configurations;

public sealed class ConsumedTokenConfiguration : IEntityTypeConfiguration<ConsumedToken>
{
    public void Configure(EntityTypeBuilder<ConsumedToken> builder)
    {
        // The key itself refuses a replay, atomically, whichever instance receives it.
        builder.HasKey(t => t.KeyHash);
        builder.Property(t => t.KeyHash).HasMaxLength(43).IsFixedLength().IsUnicode(false);
        builder.HasIndex(t => t.ExpiresAt);
    }
}

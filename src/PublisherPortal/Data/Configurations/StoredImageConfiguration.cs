using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Media;

namespace PublisherPortal.Data.Configurations;

public sealed class StoredImageConfiguration : IEntityTypeConfiguration<StoredImage>
{
    public void Configure(EntityTypeBuilder<StoredImage> builder)
    {
        builder.ToTable("StoredImages");
        // Made by the upload: version 7, in time order, so on PostgreSQL and SQLite new rows land at the end of the key's index.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ContentType).HasMaxLength(50);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.UploadedByIssuer).HasMaxLength(500);
        builder.Property(i => i.UploadedBySubject).HasMaxLength(255);
        builder.Property(i => i.UploadedByName).HasMaxLength(200);
        // The same file uploaded again finds its row. Not unique: two uploads of one file racing each other store it
        // twice, which costs only space, where a unique index would fail one of the two people.
        builder.HasIndex(i => i.Sha256);
    }
}

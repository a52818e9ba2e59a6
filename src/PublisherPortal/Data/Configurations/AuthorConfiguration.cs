using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Articles;

namespace PublisherPortal.Data.Configurations;

public sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(150);
        builder.Property(a => a.Slug).HasMaxLength(150);
        builder.Property(a => a.Role).HasMaxLength(150);
        builder.Property(a => a.Bio).HasMaxLength(2000);
        builder.Property(a => a.PhotoUrl).HasMaxLength(500);
        builder.HasIndex(a => a.Slug).IsUnique();
    }
}

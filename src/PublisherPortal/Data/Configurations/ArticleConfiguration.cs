using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Articles;

namespace PublisherPortal.Data.Configurations;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Slug).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(600);
        builder.Property(a => a.HeroImageUrl).HasMaxLength(500);
        builder.Property(a => a.HeroImageAlt).HasMaxLength(300);
        builder.Property(a => a.SeoTitle).HasMaxLength(200);
        builder.Property(a => a.SeoDescription).HasMaxLength(300);
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasIndex(a => a.Slug).IsUnique();
        // Keyset pagination walks (PublishedAt, Id) newest first, filtered by status and optionally section.
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt, a.Id });

        builder.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.MinimumTier).WithMany().HasForeignKey(a => a.MinimumTierId).OnDelete(DeleteBehavior.Restrict);
    }
}

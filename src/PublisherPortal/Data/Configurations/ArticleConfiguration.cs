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
        // Reader lists walk (PublishedAt, Id) newest first from the cursor, whole site or one section; "live" is a range
        // on PublishedAt plus a cheap check of Status, so Status must not lead these indexes (it would give no order).
        // Status first serves the staff side: drafts, and the scheduler's "scheduled and due". docs/database.md, "Indexes".
        builder.HasIndex(a => new { a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.SectionId, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });

        builder.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.MinimumTier).WithMany().HasForeignKey(a => a.MinimumTierId).OnDelete(DeleteBehavior.Restrict);
    }
}

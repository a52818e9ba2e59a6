using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Articles;
using PublisherPortal.Newsroom;

namespace PublisherPortal.Data.Configurations;

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.ToTable("ArticleRevisions");
        builder.Property(r => r.ActorIssuer).HasMaxLength(500);
        builder.Property(r => r.ActorSubject).HasMaxLength(255);
        builder.Property(r => r.ActorName).HasMaxLength(200);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Slug).HasMaxLength(200);
        builder.Property(r => r.Summary).HasMaxLength(600);
        builder.Property(r => r.Tags).HasMaxLength(4000);
        builder.Property(r => r.AuthorIds).HasMaxLength(1000);
        builder.Property(r => r.HeroImageUrl).HasMaxLength(500);
        builder.Property(r => r.HeroImageAlt).HasMaxLength(300);
        builder.Property(r => r.SeoTitle).HasMaxLength(200);
        builder.Property(r => r.SeoDescription).HasMaxLength(300);
        // A story's history, oldest first (its first revision names its owner).
        builder.HasIndex(r => new { r.ArticleId, r.Id });
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Articles;

namespace PublisherPortal.Data.Configurations;

public sealed class ArticleSlugRedirectConfiguration : IEntityTypeConfiguration<ArticleSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ArticleSlugRedirect> builder)
    {
        builder.ToTable("ArticleSlugRedirects");
        builder.Property(r => r.OldSlug).HasMaxLength(200);
        // One old address points at one story.
        builder.HasIndex(r => r.OldSlug).IsUnique();
        builder.HasIndex(r => r.ArticleId);
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

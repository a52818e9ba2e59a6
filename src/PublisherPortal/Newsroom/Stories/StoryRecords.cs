using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Staff;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>Reading a story's editable state and writing its revisions: shared by every newsroom service that changes a story.</summary>
internal static class StoryRecords
{
    /// <summary>The story with its tags and byline, tracked for change.</summary>
    public static Task<Article?> LoadAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.Articles.Include(a => a.Tags).ThenInclude(t => t.Tag).Include(a => a.Authors).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    public static async Task<StoryOwner?> OwnerAsync(PortalDbContext db, int id, CancellationToken ct) =>
        await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Id)
            .Select(r => new StoryOwner(r.ActorIssuer, r.ActorSubject, r.ActorName)).FirstOrDefaultAsync(ct);

    public static StoryForm FormOf(Article article) => new()
    {
        Title = article.Title,
        Slug = article.Slug,
        Summary = article.Summary,
        Body = article.Body,
        SectionId = article.SectionId,
        Tags = article.Tags.Select(t => t.Tag.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(),
        AuthorIds = article.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToList(),
        HeroImageUrl = article.HeroImageUrl,
        HeroImageAlt = article.HeroImageAlt,
        SeoTitle = article.SeoTitle,
        SeoDescription = article.SeoDescription,
        AccessLevel = article.AccessLevel,
        MinimumTierId = article.MinimumTierId,
        TeaserParagraphs = article.TeaserParagraphs,
    };

    public static StoryForm FormOf(ArticleRevision revision) => new()
    {
        Title = revision.Title,
        Slug = revision.Slug,
        Summary = revision.Summary,
        Body = revision.Body,
        SectionId = revision.SectionId,
        Tags = revision.Tags.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList(),
        AuthorIds = revision.AuthorIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList(),
        HeroImageUrl = revision.HeroImageUrl,
        HeroImageAlt = revision.HeroImageAlt,
        SeoTitle = revision.SeoTitle,
        SeoDescription = revision.SeoDescription,
        AccessLevel = revision.AccessLevel,
        MinimumTierId = revision.MinimumTierId,
        TeaserParagraphs = revision.TeaserParagraphs,
    };

    public static void AddRevision(PortalDbContext db, Article article, StaffActor actor, DateTime at)
    {
        var form = FormOf(article);
        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id,
            At = at,
            ActorIssuer = actor.Issuer,
            ActorSubject = actor.Subject,
            ActorName = actor.Name.Length <= 200 ? actor.Name : actor.Name[..200],
            Title = article.Title,
            Slug = article.Slug,
            Summary = article.Summary,
            Body = article.Body,
            SectionId = article.SectionId,
            Tags = string.Join('\n', form.Tags),
            AuthorIds = string.Join(',', form.AuthorIds.Select(i => i.ToString(CultureInfo.InvariantCulture))),
            HeroImageUrl = article.HeroImageUrl,
            HeroImageAlt = article.HeroImageAlt,
            SeoTitle = article.SeoTitle,
            SeoDescription = article.SeoDescription,
            AccessLevel = article.AccessLevel,
            MinimumTierId = article.MinimumTierId,
            TeaserParagraphs = article.TeaserParagraphs,
        });
    }

    /// <summary>How the audit log and messages name a story.</summary>
    public static string Target(Article article) => $"article {article.Id} ({article.Slug})";

    public static string Describe(Article article) =>
        $"{article.Status}, {article.AccessLevel}{(article.MinimumTierId is { } t ? " tier " + t.ToString(CultureInfo.InvariantCulture) : "")}"
        + (article.PublishedAt is { } at ? ", at " + at.ToString("u", CultureInfo.InvariantCulture) : "")
        + $": {article.Title} /{article.Slug}";

    /// <summary>
    /// Makes the save conditional on the version the editor loaded: the UPDATE matches only that version, so a save
    /// racing another fails with a concurrency error instead of overwriting it.
    /// </summary>
    public static void ExpectVersion(PortalDbContext db, Article article, Guid expected)
    {
        db.Entry(article).Property(a => a.Version).OriginalValue = expected;
        article.Version = Guid.NewGuid();
    }
}

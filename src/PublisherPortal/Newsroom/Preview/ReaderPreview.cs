using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure;
using PublisherPortal.Newsroom.Stories;
using PublisherPortal.Paywall;
using PublisherPortal.Staff;

namespace PublisherPortal.Newsroom.Preview;

/// <summary>
/// What a story (as the editor has it now, saved or not) gives each kind of reader: anonymous, signed in without a
/// plan, and a reader of each tier. Decided by <see cref="ArticleAccessPolicy.Decide"/> and rendered by the readers'
/// renderer, so the preview cannot disagree with the page. Staff only: the gate runs before any text is rendered,
/// because a preview of a premium story is premium text.
/// </summary>
public sealed class ReaderPreview(
    IDbContextFactory<PortalDbContext> contexts, StaffGate gate, ReaderPageRenderer pages, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public async Task<(IReadOnlyList<PreviewPage> Pages, StaffResult? Refusal)> PreviewAsync(
        ClaimsPrincipal user, StoryForm form, int? id, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Contributor, ct);
        if (decision.Actor is null)
        {
            return ([], decision.Refused());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var tiers = await db.AccessTiers.AsNoTracking().OrderBy(t => t.Rank).ToListAsync(ct);
        var section = await db.Sections.AsNoTracking().Where(s => s.Id == form.SectionId).Select(s => new { s.Name, s.Slug }).FirstOrDefaultAsync(ct);
        var authors = await db.Authors.AsNoTracking().Where(a => form.AuthorIds.Contains(a.Id)).ToListAsync(ct);
        var minimum = form.AccessLevel == AccessLevel.Tier ? tiers.FirstOrDefault(t => t.Id == form.MinimumTierId) : null;
        var rule = new AccessRule(form.AccessLevel, minimum?.Rank, minimum?.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        // A stored story's page shows its own dates (a scheduled one, the time it will appear); a new one's, now.
        var dates = id is null ? null
            : await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.PublishedAt, a.UpdatedAt }).FirstOrDefaultAsync(ct);
        var detail = new ArticleDetail(
            id ?? 0, string.IsNullOrWhiteSpace(form.Slug) ? StorySlugs.FromTitle(form.Title ?? "") : form.Slug.Trim(), form.Title ?? "", form.Summary ?? "",
            "", Guid.Empty, section?.Name ?? "", section?.Slug ?? "", dates?.PublishedAt ?? now, dates?.UpdatedAt ?? now, rule,
            form.AuthorIds.Select(i => authors.FirstOrDefault(a => a.Id == i)).OfType<Author>().Select(a => new AuthorRef(a.Name, a.Slug, a.Role)).ToList(),
            form.Tags.Select(t => new TagRef(t, StorySlugs.FromTitle(t))).ToList(),
            form.HeroImageUrl, form.HeroImageAlt, form.SeoTitle, form.SeoDescription, form.TeaserParagraphs);
        var jsonLd = NewsArticleSchema.ToScriptTag(detail, portal.Value);

        var readers = new List<(string Name, Reader Reader)>
        {
            ("Anonymous reader", Reader.Anonymous),
            ("Signed in, no plan", SignedIn([], null)),
        };
        readers.AddRange(tiers.Select(t => ($"{t.Name} subscriber", SignedIn([t.Slug], new ReaderTier(t.Slug, t.Name, t.Rank)))));
        var teaser = form.TeaserParagraphs ?? portal.Value.TeaserParagraphs;
        var views = new List<PreviewPage>(readers.Count);
        foreach (var (name, reader) in readers)
        {
            var access = ArticleAccessPolicy.Decide(rule, reader);
            var html = ArticleBodyRenderer.RenderUnsaved(form.Body ?? "", access.IsFull ? null : teaser);
            views.Add(new PreviewPage(name, access.IsFull, access.Reason, html, jsonLd, await pages.RenderAsync(detail, reader, access, html)));
        }

        return (views, null);
    }

    // A made-up reader with no provider: the paywall offers our own subscribe page, as it does a reader whose provider has no shop.
    private static Reader SignedIn(IReadOnlyList<string> plans, ReaderTier? tier) =>
        new(true, null, "urn:preview", "preview", "Preview reader", null, plans, tier);
}

/// <summary>
/// One reader's view: the body or teaser HTML, the paywall's reason when not full, the page's JSON-LD, and the whole
/// page as that reader would get it (<see cref="ReaderPageRenderer"/>).
/// </summary>
public sealed record PreviewPage(string Reader, bool IsFull, TeaserReason Reason, string BodyHtml, string JsonLd, string Document);

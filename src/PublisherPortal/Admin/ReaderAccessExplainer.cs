using Microsoft.EntityFrameworkCore;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Paywall;

namespace PublisherPortal.Admin;

/// <summary>
/// Answers "why can (not) this reader read this article?" from the reader's last plan snapshot, the current
/// mappings and the one access decision: the same inputs the article page uses, minus the live session.
/// </summary>
public sealed class ReaderAccessExplainer(PortalDbContext db, TierCatalog tiers, ArticleQueries articles, ArticleAccessPolicy policy)
{
    public const int MaxReaders = 20;

    public sealed record Explanation(KnownReader Known, IReadOnlyList<string> PlanKeys, IReadOnlyList<(string Key, string? Tier)> Mappings,
        ReaderTier? Tier, AccessDecision? Decision);

    public async Task<IReadOnlyList<KnownReader>> FindAsync(string query, CancellationToken ct)
    {
        var q = query.Trim();
        var lower = q.ToLowerInvariant();
        return await db.KnownReaders.AsNoTracking()
            .Where(r => r.Subject == q || (r.Email != null && r.Email.ToLower() == lower))
            .OrderByDescending(r => r.LastSignInAt).Take(MaxReaders).ToListAsync(ct);
    }

    public Explanation Explain(KnownReader known, ArticleDetail? article)
    {
        var map = tiers.Get();
        var keys = known.PlanKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tier = map.BestTier(known.ProviderKey, keys);
        var reader = new Reader(true, known.ProviderKey, known.Issuer, known.Subject, known.Name, known.Email, keys, tier);
        return new Explanation(known, keys, keys.Select(k => (k, map.TierOf(known.ProviderKey, k)?.Name)).ToList(), tier,
            article is null ? null : policy.Decide(article.Access, reader));
    }

    public Task<ArticleDetail?> ArticleAsync(string slug, CancellationToken ct) => articles.FindBySlugAsync(slug.Trim(), ct);
}

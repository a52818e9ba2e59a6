using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.Paywall;
using PublisherPortal.Sessions;

namespace PublisherPortal.Admin;

/// <summary>
/// Answers "why can (not) this reader read this article?" with exactly what the reader's own request would use:
/// their newest live session's plan snapshot (else the plans recorded at their last sign-in), tier resolution
/// through <see cref="ReaderAccessor.Resolve"/>, and the one access decision, meter included (peeked, never spent).
/// </summary>
public sealed class ReaderAccessExplainer(
    PortalDbContext db, TierCatalog tiers, ArticleQueries articles, ArticleAccessPolicy policy, ReaderAccessor readers,
    DatabaseTicketStore sessions, TimeProvider clock)
{
    public const int MaxReaders = 20;

    public sealed record Explanation(KnownReader Known, bool FromLiveSession, Reader Reader,
        IReadOnlyList<(string Key, string? Tier)> Mappings, AccessDecision? Decision);

    public async Task<IReadOnlyList<KnownReader>> FindAsync(string query, CancellationToken ct)
    {
        var q = query.Trim();
        var lower = q.ToLowerInvariant();
        return await db.KnownReaders.AsNoTracking()
            .Where(r => r.Subject == q || (r.Email != null && r.Email.ToLower() == lower))
            .OrderByDescending(r => r.LastSignInAt).Take(MaxReaders).ToListAsync(ct);
    }

    public async Task<Explanation> ExplainAsync(KnownReader known, ArticleDetail? article, CancellationToken ct)
    {
        var session = await LiveSessionAsync(known, ct);
        var reader = readers.Resolve(session ?? RecordedPrincipal(known));
        var map = tiers.Get();
        var decision = article is null ? null : await policy.DecideForArticlePageAsync(article.Id, article.Access, reader, MeterUse.Peek, ct);
        return new Explanation(known, session is not null, reader,
            reader.PlanKeys.Select(k => (k, map.TierOf(known.ProviderKey, k)?.Name)).ToList(), decision);
    }

    public Task<ArticleDetail?> ArticleAsync(string slug, CancellationToken ct) => articles.FindBySlugAsync(slug.Trim(), ct);

    private async Task<ClaimsPrincipal?> LiveSessionAsync(KnownReader known, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = await db.ReaderSessions.AsNoTracking()
            .Where(s => s.Issuer == known.Issuer && s.Subject == known.Subject && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt).Select(s => s.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : (await sessions.PeekAsync(id))?.Principal;
    }

    /// <summary>The reader as their last sign-in recorded them: the plans read then, as a snapshot of that time.</summary>
    private static ClaimsPrincipal RecordedPrincipal(KnownReader known)
    {
        var identity = new ClaimsIdentity("recorded", OidcClaimTypes.Name, OidcClaimTypes.Role);
        identity.AddClaim(new Claim(OidcClaimTypes.Provider, known.ProviderKey));
        identity.AddClaim(new Claim(OidcClaimTypes.Issuer, known.Issuer));
        identity.AddClaim(new Claim(OidcClaimTypes.Subject, known.Subject));
        var snapshot = new EntitlementSnapshot(known.PlanKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            new Dictionary<string, DateTimeOffset>(), false, new DateTimeOffset(known.PlansReadAt, TimeSpan.Zero), known.PlansSource,
            known.PlansSource == PlanSources.LastKnown ? known.LastTierRank : null);
        snapshot.WriteTo(identity);
        return new ClaimsPrincipal(identity);
    }
}

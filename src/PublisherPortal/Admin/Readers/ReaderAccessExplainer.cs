using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Data;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.Paywall;
using PublisherPortal.Sessions;
using PublisherPortal.Staff;

namespace PublisherPortal.Admin.Readers;

/// <summary>
/// Answers "why can (not) this reader read this article?" with exactly what the reader's own request would use:
/// their newest live session's plan snapshot (else the plans recorded at their last sign-in), tier resolution
/// through <see cref="ReaderAccessor.Resolve"/>, and the one access decision, meter included (peeked, never spent).
/// Admins only (it shows readers' e-mail and plans), authorized again here. Each question opens its own service scope,
/// so a staff circuit never holds the request-scoped services (and their DbContext) for its life.
/// </summary>
public sealed class ReaderAccessExplainer(IServiceScopeFactory scopes, StaffGate gate)
{
    public const int MaxReaders = 20;

    public sealed record Explanation(KnownReader Known, bool FromLiveSession, Reader Reader,
        IReadOnlyList<(string Key, string? Tier)> Mappings, AccessDecision? Decision);

    public sealed record Answer(ArticleDetail? Article, IReadOnlyList<Explanation> Explanations, IReadOnlyList<string> Errors, StaffResult? Refusal);

    /// <param name="query">A reader's e-mail (any case) or subject.</param>
    /// <param name="articleRef">An article's slug or URL, or nothing.</param>
    public async Task<Answer> ExplainAsync(ClaimsPrincipal user, string query, string? articleRef, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is null)
        {
            return new Answer(null, [], [], decision.Refused());
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var errors = new List<string>();
        ArticleDetail? article = null;
        if (!string.IsNullOrWhiteSpace(articleRef))
        {
            var slug = articleRef.Trim().TrimEnd('/');
            slug = slug[(slug.LastIndexOf('/') + 1)..];
            article = await services.GetRequiredService<ArticleQueries>().FindBySlugAsync(slug, ct);
            if (article is null)
            {
                errors.Add($"No live article has the slug '{slug}'.");
            }
        }

        var readers = await FindAsync(services.GetRequiredService<PortalDbContext>(), query, ct);
        if (readers.Count == 0)
        {
            errors.Add($"No reader with e-mail or subject '{query.Trim()}' has signed in here.");
        }

        var explanations = new List<Explanation>();
        foreach (var known in readers)
        {
            explanations.Add(await ExplainOneAsync(services, known, article, ct));
        }

        return new Answer(article, explanations, errors, null);
    }

    private static async Task<IReadOnlyList<KnownReader>> FindAsync(PortalDbContext db, string query, CancellationToken ct)
    {
        var q = query.Trim();
        var lower = q.ToLowerInvariant();
        return await db.KnownReaders.AsNoTracking()
            .Where(r => r.Subject == q || (r.Email != null && r.Email.ToLower() == lower))
            .OrderByDescending(r => r.LastSignInAt).Take(MaxReaders).ToListAsync(ct);
    }

    private static async Task<Explanation> ExplainOneAsync(IServiceProvider services, KnownReader known, ArticleDetail? article, CancellationToken ct)
    {
        var session = await LiveSessionAsync(services, known, ct);
        var reader = services.GetRequiredService<ReaderAccessor>().Resolve(session ?? RecordedPrincipal(known));
        var map = services.GetRequiredService<TierCatalog>().Get();
        var decision = article is null
            ? null
            : await services.GetRequiredService<ArticleAccessPolicy>().DecideForArticlePageAsync(article.Id, article.Access, reader, MeterUse.Peek, ct);
        return new Explanation(known, session is not null, reader,
            reader.PlanKeys.Select(k => (k, map.TierOf(known.ProviderKey, k)?.Name)).ToList(), decision);
    }

    private static async Task<ClaimsPrincipal?> LiveSessionAsync(IServiceProvider services, KnownReader known, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var id = await services.GetRequiredService<PortalDbContext>().ReaderSessions.AsNoTracking()
            .Where(s => s.Issuer == known.Issuer && s.Subject == known.Subject && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt).Select(s => s.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : (await services.GetRequiredService<DatabaseTicketStore>().PeekAsync(id))?.Principal;
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

    /// <summary>Readers who signed in here whose e-mail, name or subject starts with <paramref name="text"/>: for the staff grant dialog.</summary>
    public async Task<IReadOnlyList<KnownReader>> SuggestAsync(ClaimsPrincipal user, string? text, CancellationToken ct)
    {
        var decision = await gate.AuthorizeAsync(user, StaffRole.Admin, ct);
        if (decision.Actor is null || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var lower = text.Trim().ToLowerInvariant();
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().KnownReaders.AsNoTracking()
            .Where(r => (r.Email != null && r.Email.ToLower().StartsWith(lower)) || (r.Name != null && r.Name.ToLower().Contains(lower)) || r.Subject == text.Trim())
            .OrderByDescending(r => r.LastSignInAt).Take(10).ToListAsync(ct);
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Data;

namespace PublisherPortal.Paywall;

/// <summary>
/// Metered access on the article page only: a signed-in reader whom the access decision gives a teaser of a
/// subscriber story may open it in full while this month's allowance lasts (<see cref="MeteringOptions"/>).
/// Counted server-side per reader (issuer, subject), never in a cookie. Feeds, search and every other channel keep
/// the plain decision, so metered reading never exposes bodies anywhere but the page the reader opened.
/// </summary>
public sealed partial class ArticleMeter(PortalDbContext db, TimeProvider clock, IOptionsMonitor<MeteringOptions> options, ILogger<ArticleMeter> logger)
{
    public async Task<AccessDecision> ApplyAsync(int articleId, AccessRule rule, Reader reader, AccessDecision decision, CancellationToken cancellationToken = default)
    {
        var allowance = options.CurrentValue.FreeArticlesPerMonth;
        if (allowance <= 0 || decision.IsFull || rule.Level != AccessLevel.Tier
            || !reader.IsSignedIn || reader.Issuer is not { } issuer || reader.Subject is not { } subject)
        {
            return decision;
        }

        var now = clock.GetUtcNow();
        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var used = await db.MeteredReads.AsNoTracking()
            .Where(r => r.Issuer == issuer && r.Subject == subject && r.Month == month)
            .Select(r => r.ArticleId)
            .ToListAsync(cancellationToken);
        if (used.Contains(articleId))
        {
            return AccessDecision.Full with { MeteredReadsLeft = Math.Max(0, allowance - used.Count) };
        }

        if (used.Count >= allowance)
        {
            return decision with { MeterExhausted = true };
        }

        db.MeteredReads.Add(new MeteredRead { Issuer = issuer, Subject = subject, Month = month, ArticleId = articleId, ReadAt = now.UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same story recorded by a concurrent request: it counts once either way.
            db.ChangeTracker.Clear();
        }

        LogMetered(allowance - used.Count - 1);
        return AccessDecision.Full with { MeteredReadsLeft = allowance - used.Count - 1 };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A subscriber story opened on the meter; {Left} free this month")]
    private partial void LogMetered(int left);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Data;

namespace PublisherPortal.Paywall;

/// <summary>
/// Metered access (<see cref="MeteringOptions"/>), consulted only by <see cref="ArticleAccessPolicy"/> for the article
/// page: a signed-in reader may open a few subscriber stories a month in full. Counted server-side per reader
/// (issuer, subject), never in a cookie. Each free story takes a numbered slot, unique per reader and month, so
/// parallel requests can never open more stories than the allowance.
/// </summary>
public sealed partial class ArticleMeter(PortalDbContext db, TimeProvider clock, IOptionsMonitor<MeteringOptions> options, ILogger<ArticleMeter> logger)
{
    public async Task<AccessDecision> OpenAsync(int articleId, Reader reader, AccessDecision closed, MeterUse use, CancellationToken cancellationToken)
    {
        var allowance = options.CurrentValue.FreeArticlesPerMonth;
        if (allowance <= 0 || reader.Issuer is not { } issuer || reader.Subject is not { } subject)
        {
            return closed;
        }

        var now = clock.GetUtcNow();
        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // Each attempt either takes a free slot or learns who took it; at most one attempt per slot can lose a race.
        for (var attempt = 0; attempt <= allowance; attempt++)
        {
            var used = await db.MeteredReads.AsNoTracking()
                .Where(r => r.Issuer == issuer && r.Subject == subject && r.Month == month)
                .Select(r => new { r.ArticleId, r.Slot })
                .ToListAsync(cancellationToken);
            if (used.Any(r => r.ArticleId == articleId))
            {
                return AccessDecision.Full with { MeteredReadsLeft = Math.Max(0, allowance - used.Count) };
            }

            var slot = Enumerable.Range(1, allowance).FirstOrDefault(s => used.All(r => r.Slot != s));
            if (slot == 0)
            {
                return closed with { MeterExhausted = true };
            }

            if (use == MeterUse.Peek)
            {
                return AccessDecision.Full with { MeteredReadsLeft = allowance - used.Count - 1 };
            }

            db.MeteredReads.Add(new MeteredRead { Issuer = issuer, Subject = subject, Month = month, ArticleId = articleId, Slot = slot, ReadAt = now.UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogMetered(allowance - used.Count - 1);
                return AccessDecision.Full with { MeteredReadsLeft = allowance - used.Count - 1 };
            }
            catch (DbUpdateException)
            {
                // Another request took this slot, or recorded this story, first: look again.
                db.ChangeTracker.Clear();
            }
        }

        return closed with { MeterExhausted = true };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A subscriber story opened on the meter; {Left} free this month")]
    private partial void LogMetered(int left);
}

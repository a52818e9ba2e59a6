using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Oidc;

namespace PublisherPortal.Entitlements;

/// <summary>
/// Turns the plans a provider reported (or its silence) into the reader's plan snapshot, written into their session
/// identity, at sign-in and whenever plans are re-read. Where plans come from differs per provider
/// (<c>Providers/</c>); what they mean here does not. Also remembers the reader and any plan no mapping covers, for
/// the admin screens, and falls back to the last known plans while a provider cannot be asked.
/// </summary>
public sealed partial class EntitlementResolver(
    PortalDbContext db, TierCatalog tiers, IOptions<EntitlementOptions> options, TimeProvider clock, ILogger<EntitlementResolver> logger)
{
    /// <summary>At sign-in. <paramref name="read"/> is null when the provider could not be asked: the last known
    /// plans then hold for the grace period.</summary>
    public async Task<EntitlementSnapshot> SignInAsync(
        ClaimsIdentity identity, string providerKey, PlanRead? read, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await FindKnownAsync(identity, cancellationToken);
        EntitlementSnapshot snapshot;
        if (read is null)
        {
            snapshot = LastKnown(known, now);
            await TouchAsync(identity, providerKey, known, now, cancellationToken);
        }
        else
        {
            snapshot = await RecordAsync(identity, providerKey, read, known, now, cancellationToken);
        }

        snapshot.WriteTo(identity);
        return snapshot;
    }

    /// <summary>Plans re-read during a session (stale plans, or back from checkout): the identity carries the new snapshot.</summary>
    public async Task RefreshAsync(ClaimsIdentity identity, string providerKey, PlanRead read, CancellationToken cancellationToken)
    {
        var known = await FindKnownAsync(identity, cancellationToken);
        var snapshot = await RecordAsync(identity, providerKey, read, known, clock.GetUtcNow(), cancellationToken);
        snapshot.WriteTo(identity);
    }

    private async Task<EntitlementSnapshot> RecordAsync(
        ClaimsIdentity identity, string providerKey, PlanRead read, KnownReader? known,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var map = tiers.Get();
        var active = read.Plans.Where(p => p.IsActive).ToList();
        var keys = active.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal).ToList();
        var expires = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var plan in active.Where(p => p.ExpiresAt is not null))
        {
            foreach (var key in plan.Keys)
            {
                expires[key] = expires.TryGetValue(key, out var other) && other > plan.ExpiresAt!.Value ? other : plan.ExpiresAt!.Value;
            }
        }

        // Lapsed: the provider reported an ended subscription, or the plans this reader had last time are gone.
        var lapsed = keys.Count == 0
            && (read.Plans.Any(p => !p.IsActive) || (known is not null && known.PlanKeys.Length > 0 && known.PlansSource != PlanSources.LastKnown));
        var tier = map.BestTier(providerKey, keys);

        foreach (var plan in active.Where(p => p.Keys.All(k => map.TierOf(providerKey, k) is null)))
        {
            await RecordUnmappedAsync(providerKey, plan, now, cancellationToken);
        }

        known ??= db.KnownReaders.Add(new KnownReader
        {
            Issuer = identity.FindFirst(OidcClaimTypes.Issuer)?.Value ?? "",
            Subject = identity.FindFirst(OidcClaimTypes.Subject)?.Value ?? "",
            ProviderKey = providerKey,
            PlansSource = read.Source,
            FirstSeenAt = now.UtcDateTime,
        }).Entity;
        known.ProviderKey = providerKey;
        known.Email = Truncate(identity.FindFirst(OidcClaimTypes.Email)?.Value, 320);
        known.Name = Truncate(identity.FindFirst(OidcClaimTypes.Name)?.Value, 200);
        known.PlanKeys = Truncate(string.Join('\n', keys), 2000) ?? "";
        known.PlansSource = read.Source;
        known.PlansReadAt = now.UtcDateTime;
        known.LastTierRank = tier?.Rank;
        known.LastSignInAt = now.UtcDateTime;
        await SaveBookkeepingAsync(cancellationToken);
        LogPlansRead(providerKey, read.Source, keys.Count, tier?.Slug ?? "(none)");
        return new EntitlementSnapshot(keys, expires, lapsed, now, read.Source, null);
    }

    private EntitlementSnapshot LastKnown(KnownReader? known, DateTimeOffset now)
    {
        if (known is null || known.PlanKeys.Length == 0 || known.LastTierRank is null
            || now - new DateTimeOffset(known.PlansReadAt, TimeSpan.Zero) > options.Value.LastKnownGrace)
        {
            LogNothingKnown();
            return EntitlementSnapshot.Empty(PlanSources.Unavailable, now);
        }

        LogUsingLastKnown(known.PlansReadAt);
        return new EntitlementSnapshot(
            known.PlanKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries), new Dictionary<string, DateTimeOffset>(), false,
            new DateTimeOffset(known.PlansReadAt, TimeSpan.Zero), PlanSources.LastKnown, known.LastTierRank);
    }

    private async Task TouchAsync(ClaimsIdentity identity, string providerKey, KnownReader? known, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (known is null)
        {
            return;
        }

        known.LastSignInAt = now.UtcDateTime;
        known.ProviderKey = providerKey;
        known.Email ??= Truncate(identity.FindFirst(OidcClaimTypes.Email)?.Value, 320);
        await SaveBookkeepingAsync(cancellationToken);
    }

    private async Task RecordUnmappedAsync(string providerKey, ProviderPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = Truncate(plan.Keys[0], 200)!;
        var row = await db.UnmappedPlans.FirstOrDefaultAsync(p => p.ProviderKey == providerKey && p.PlanKey == key, cancellationToken);
        if (row is null)
        {
            row = db.UnmappedPlans.Add(new UnmappedPlan { ProviderKey = providerKey, PlanKey = key, FirstSeenAt = now.UtcDateTime }).Entity;
        }

        row.SeenCount++;
        row.LastSeenAt = now.UtcDateTime;
        row.Label = Truncate(plan.Label, 200) ?? row.Label;
        LogUnmapped(providerKey, key);
    }

    private Task<KnownReader?> FindKnownAsync(ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        var issuer = identity.FindFirst(OidcClaimTypes.Issuer)?.Value ?? "";
        var subject = identity.FindFirst(OidcClaimTypes.Subject)?.Value ?? "";
        return db.KnownReaders.FirstOrDefaultAsync(r => r.Issuer == issuer && r.Subject == subject, cancellationToken);
    }

    /// <summary>Bookkeeping never blocks a sign-in: two simultaneous first sign-ins may race on the unique keys.</summary>
    private async Task SaveBookkeepingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            LogBookkeepingFailed(e.GetType().Name);
            db.ChangeTracker.Clear();
        }
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Plans of a {Provider} reader read from {Source}: {Count} key(s), tier {Tier}")]
    private partial void LogPlansRead(string provider, string source, int count, string tier);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Provider} reader has plan {PlanKey}, which no mapping covers")]
    private partial void LogUnmapped(string provider, string planKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plans could not be read; using the last known plans read at {ReadAt:O}")]
    private partial void LogUsingLastKnown(DateTime readAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plans could not be read and none are known from within the grace period: no plan")]
    private partial void LogNothingKnown();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the reader or unmapped plans failed ({Error}); sign-in continues")]
    private partial void LogBookkeepingFailed(string error);
}

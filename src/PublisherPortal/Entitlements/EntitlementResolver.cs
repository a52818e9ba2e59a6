using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Oidc;

namespace PublisherPortal.Entitlements;

/// <summary>
/// Reads a reader's plans at their provider and writes the snapshot into their session identity, at sign-in and
/// whenever plans are re-read (after checkout). Plan sources (PROVIDERS.md): Pliro <c>plan</c>/<c>plan_slugs</c> and
/// the PiPA/Generic configured claim are already claims; Subrite's come from its member API; PixelPin has none.
/// Also remembers the reader and any plan no mapping covers, for the admin screens.
/// </summary>
public sealed partial class EntitlementResolver(
    PortalDbContext db, TierCatalog tiers, SubriteMemberApi subrite, IOptions<EntitlementOptions> options,
    TimeProvider clock, ILogger<EntitlementResolver> logger)
{
    /// <summary>At sign-in: when the provider cannot be asked, the last known plans hold for the grace period.</summary>
    public async Task<EntitlementSnapshot> SignInAsync(
        ClaimsIdentity identity, string providerKey, OidcProviderType type, string? accessToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await FindKnownAsync(identity, cancellationToken);
        var plans = await ReadPlansAsync(identity, providerKey, type, accessToken, cancellationToken);
        var snapshot = plans is null ? LastKnown(known, now) : await RecordAsync(identity, providerKey, plans.Value, known, now, cancellationToken);
        if (plans is null)
        {
            await TouchAsync(identity, providerKey, known, now, cancellationToken);
        }

        snapshot.WriteTo(identity);
        return snapshot;
    }

    /// <summary>After checkout: true when the plans were read and the identity now carries the new snapshot; false
    /// when the provider could not be asked, and the session keeps the snapshot it has.</summary>
    public async Task<bool> RefreshAsync(
        ClaimsIdentity identity, string providerKey, OidcProviderType type, string? accessToken, CancellationToken cancellationToken)
    {
        var plans = await ReadPlansAsync(identity, providerKey, type, accessToken, cancellationToken);
        if (plans is null)
        {
            return false;
        }

        var known = await FindKnownAsync(identity, cancellationToken);
        var snapshot = await RecordAsync(identity, providerKey, plans.Value, known, clock.GetUtcNow(), cancellationToken);
        snapshot.WriteTo(identity);
        return true;
    }

    private async Task<(IReadOnlyList<ProviderPlan> Plans, string Source)?> ReadPlansAsync(
        ClaimsIdentity identity, string providerKey, OidcProviderType type, string? accessToken, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case OidcProviderType.PixelPin:
                return ([], PlanSources.None);
            case OidcProviderType.Subrite:
                if (string.IsNullOrEmpty(accessToken))
                {
                    LogNoAccessToken(providerKey);
                    return null;
                }

                var profile = await subrite.ReadAsync(providerKey, accessToken, cancellationToken);
                if (profile is null)
                {
                    return null;
                }

                // Subrite's ID token carries no profile: the member API says who the reader is.
                AddIfMissing(identity, OidcClaimTypes.Name, profile.FullName);
                AddIfMissing(identity, OidcClaimTypes.Email, profile.Email);
                return (profile.Plans, PlanSources.MemberApi);
            default:
                var keys = identity.FindAll(OidcClaimTypes.Plan).Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal);
                return (keys.Select(ProviderPlan.FromClaim).ToList(), PlanSources.Claims);
        }
    }

    private async Task<EntitlementSnapshot> RecordAsync(
        ClaimsIdentity identity, string providerKey, (IReadOnlyList<ProviderPlan> Plans, string Source) read, KnownReader? known,
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

    private static void AddIfMissing(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !identity.HasClaim(c => c.Type == type))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Plans of a {Provider} reader read from {Source}: {Count} key(s), tier {Tier}")]
    private partial void LogPlansRead(string provider, string source, int count, string tier);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Provider} reader has plan {PlanKey}, which no mapping covers")]
    private partial void LogUnmapped(string provider, string planKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No access token from {Provider}: its plans cannot be read")]
    private partial void LogNoAccessToken(string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plans could not be read; using the last known plans read at {ReadAt:O}")]
    private partial void LogUsingLastKnown(DateTime readAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plans could not be read and none are known from within the grace period: no plan")]
    private partial void LogNothingKnown();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the reader or unmapped plans failed ({Error}); sign-in continues")]
    private partial void LogBookkeepingFailed(string error);
}

namespace PublisherPortal.DevProviders.Readers;

/// <summary>
/// Something a provider's shop sells under its own key, granting a plan. Pliro offers are not plans: an offer page
/// (<c>/offers/{offer}</c>) is named by the offer, and buying it gives the customer the plan behind it. Where a
/// stand-in's shop sells plans directly (PiPA's stand-in page, Subrite packages), offer and plan share a key.
/// </summary>
internal sealed record SiteOffer(string Key, string Name, string Blurb, PlanOffer Plan);

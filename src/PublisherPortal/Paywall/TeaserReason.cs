namespace PublisherPortal.Paywall;

/// <summary>Why a reader sees only the teaser, so the paywall can say the right thing.</summary>
public enum TeaserReason
{
    None = 0,
    /// <summary>Not signed in.</summary>
    Anonymous,
    /// <summary>Signed in, but no plan at the provider.</summary>
    NoPlan,
    /// <summary>Signed in with plan keys, none of which maps to a tier here.</summary>
    PlanNotMapped,
    /// <summary>The reader's tier ranks below the article's minimum tier.</summary>
    TierTooLow,
    /// <summary>Signed in; the reader's subscription has ended and nothing current opens a tier.</summary>
    Expired,
}

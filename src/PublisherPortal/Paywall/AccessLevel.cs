namespace PublisherPortal.Paywall;

/// <summary>Who may read an article's full body.</summary>
public enum AccessLevel
{
    Public = 0,
    /// <summary>Any signed-in reader.</summary>
    Registered = 1,
    /// <summary>Readers whose plan maps to the article's minimum tier or a higher-ranked one.</summary>
    Tier = 2,
}

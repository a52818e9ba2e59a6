namespace PublisherPortal.Providers;

/// <summary>What a plan refresh did.</summary>
public enum PlanRefreshOutcome
{
    /// <summary>Nothing changed (no plans at this provider, or it could not be asked): carry on with what the session knows.</summary>
    Unchanged,
    /// <summary>The session now carries the plans read just now.</summary>
    Updated,
    /// <summary>The response is a redirect to the provider (silent re-authentication); the request ends here.</summary>
    Redirected,
}

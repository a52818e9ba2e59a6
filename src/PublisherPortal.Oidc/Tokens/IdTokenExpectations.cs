namespace PublisherPortal.Oidc;

/// <summary>What this journey expects of its ID token: what we sent, and when the journey began.</summary>
internal sealed record IdTokenExpectations(
    string Nonce,
    string? AccessToken,
    DateTimeOffset JourneyStart,
    bool PromptLogin,
    TimeSpan? MaxAge);

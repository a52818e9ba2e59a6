namespace PublisherPortal.DevProviders.Protocol;

/// <summary>What an authorization code stands for until it is redeemed once.</summary>
internal sealed record AuthorizationCodeGrant(
    AuthorizationRequest Request,
    string ReaderId,
    string Sid,
    DateTimeOffset AuthTime,
    DateTimeOffset ExpiresAt);

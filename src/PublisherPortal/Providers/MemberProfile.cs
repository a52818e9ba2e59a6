using PublisherPortal.Entitlements;

namespace PublisherPortal.Providers;

/// <summary>What Subrite's member API says about the reader: who they are and their subscriptions.</summary>
public sealed record MemberProfile(string? FullName, string? Email, IReadOnlyList<ProviderPlan> Plans);

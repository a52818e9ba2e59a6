using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>A provider configured under <c>Providers:{key}</c> and the behaviour of its type.</summary>
public sealed record ConfiguredProvider(OidcProviderInfo Info, ISubscriptionProvider Behaviour)
{
    public string Key => Info.Key;
}

namespace PublisherPortal.Paywall;

/// <summary>One way out of the paywall: sign in (with a provider), subscribe, upgrade or renew.</summary>
public sealed record PaywallLink(PaywallLinkKind Kind, string Label, string Href);

public enum PaywallLinkKind
{
    SignIn,
    /// <summary>Sign in straight at one provider (the chooser, inline).</summary>
    Provider,
    Subscribe,
}

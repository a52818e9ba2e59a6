namespace PublisherPortal.Tests.TestSupport;

/// <summary>The demo site with no sign-in providers, for anonymous readers: a named setup xunit can share as a fixture.</summary>
public sealed class DemoSite() : PortalFactory(new PortalSetup());

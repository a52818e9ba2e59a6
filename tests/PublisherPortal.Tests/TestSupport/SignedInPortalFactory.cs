namespace PublisherPortal.Tests.TestSupport;

/// <summary>The demo site with Pliro, Subrite and PixelPin configured offline: a named setup xunit can share as a fixture.</summary>
public class SignedInPortalFactory() : PortalFactory(PortalSetup.Offline);

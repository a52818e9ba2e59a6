namespace PublisherPortal.Tests.TestSupport;

/// <summary>The site with its local stand-in providers, as a newcomer's first run has them: a named setup xunit can share.</summary>
public sealed class StandInFactory() : PortalFactory(PortalSetup.StandIns);

namespace PublisherPortal.Tests.TestSupport;

/// <summary>Tests that read the seeded demo site share one instance: seeding is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "portal";
}

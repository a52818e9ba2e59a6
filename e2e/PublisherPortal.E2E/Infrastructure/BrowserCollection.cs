namespace PublisherPortal.E2E.Infrastructure;

/// <summary>One browser for the whole suite: starting Chromium is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}

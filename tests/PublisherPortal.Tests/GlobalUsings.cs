global using PublisherPortal.Tests.TestSupport;

namespace PublisherPortal.DevProviders.Hosting;

/// <summary>Registered only when the stand-ins are enabled, so MapDevProviders knows whether to map anything.</summary>
internal sealed class DevProvidersMarker;

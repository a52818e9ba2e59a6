namespace PublisherPortal.Infrastructure.Telemetry;

/// <summary>OpenTelemetry export (section <c>Telemetry</c>); everything off unless set.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Where traces and metrics are sent with OTLP, e.g. <c>http://otel-collector:4317</c>. Empty: no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>A path such as <c>/metrics</c> where Prometheus scrapes this instance. Empty: no scrape endpoint.</summary>
    public string? PrometheusPath { get; set; }

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "PublisherPortal";

    public bool OtlpEnabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool PrometheusEnabled => !string.IsNullOrWhiteSpace(PrometheusPath);
}

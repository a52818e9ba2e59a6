using Microsoft.Extensions.Options;

namespace PublisherPortal.Infrastructure.Telemetry;

/// <summary>Telemetry settings checked at start-up, naming the key.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public static readonly string[] Protocols = ["grpc", "http/protobuf"];

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new List<string>();
        if (options.OtlpEnabled
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var otlp) || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{TelemetryOptions.SectionName}:OtlpEndpoint must be an absolute http(s) URL, e.g. http://otel-collector:4317 (it is '{options.OtlpEndpoint}').");
        }

        if (!Protocols.Contains(options.OtlpProtocol, StringComparer.Ordinal))
        {
            errors.Add($"{TelemetryOptions.SectionName}:OtlpProtocol must be one of {string.Join(", ", Protocols)} (it is '{options.OtlpProtocol}').");
        }

        if (options.PrometheusEnabled && (!options.PrometheusPath!.StartsWith('/') || options.PrometheusPath.Length < 2 || options.PrometheusPath.Contains('?')))
        {
            errors.Add($"{TelemetryOptions.SectionName}:PrometheusPath must be a path such as /metrics (it is '{options.PrometheusPath}').");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            errors.Add($"{TelemetryOptions.SectionName}:ServiceName must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

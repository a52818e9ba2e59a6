using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PublisherPortal.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The site's meter always; OpenTelemetry (ASP.NET Core, HttpClient and runtime instrumentation plus the site's own
    /// meter and traces) only when OTLP export or the Prometheus endpoint is configured (docs/operations.md, "Telemetry").
    /// ASP.NET Core's instrumentation records routes, not raw paths, and redacts query strings, so a sign-in callback's
    /// code never reaches a span.
    /// </summary>
    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddMetrics();
        services.AddSingleton<PortalMetrics>();

        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!settings.OtlpEnabled && !settings.PrometheusEnabled)
        {
            return builder;
        }

        // Checked here too: a bad value must name its key before OpenTelemetry's own exception could.
        if (new TelemetryOptionsValidator().Validate(null, settings) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(TelemetryOptions.SectionName, typeof(TelemetryOptions), invalid.Failures);
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PortalMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (settings.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (settings.OtlpEnabled)
        {
            var protocol = settings.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            telemetry
                .WithTracing(tracing => tracing.AddSource(PortalMetrics.MeterName).AddAspNetCoreInstrumentation(o => o.RecordException = true).AddHttpClientInstrumentation())
                .UseOtlpExporter(protocol, new Uri(settings.OtlpEndpoint!));
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when configured. Keep it off the public site (docs/operations.md: nginx denies it).</summary>
    public static WebApplication MapPortalTelemetry(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (settings.PrometheusEnabled)
        {
            app.MapPrometheusScrapingEndpoint(settings.PrometheusPath!);
        }

        return app;
    }
}

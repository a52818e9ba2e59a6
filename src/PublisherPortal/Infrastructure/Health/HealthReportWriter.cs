using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PublisherPortal.Infrastructure.Health;

/// <summary>
/// The readiness answer as JSON: the overall status and each check's status and sentence, for an operator or a
/// monitor. Descriptions are written by the checks themselves, never exception text (which could carry a connection
/// string): nothing here is secret, but it is internal, so nginx keeps /health off the public site (docs/operations.md).
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? (e.Value.Exception is { } x ? x.GetType().Name : null),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds),
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, cancellationToken: context.RequestAborted);
    }
}

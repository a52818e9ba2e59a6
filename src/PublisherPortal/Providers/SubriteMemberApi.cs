using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure.Telemetry;

namespace PublisherPortal.Providers;

/// <summary>
/// Reads a reader's Subrite subscriptions with their access token: <c>GET {MemberApiBase}/api/v1/members/profile/
/// info-with-active-subscriptions</c> (docs/providers/subrite.md). Never waits longer than
/// <see cref="EntitlementOptions.MemberApiTimeout"/>, and never throws for a provider problem: null means "could not
/// read", and the caller keeps what it knew.
/// </summary>
public sealed partial class SubriteMemberApi(
    HttpClient http, IOptionsMonitor<ProviderCommerceOptions> providers, IOptions<EntitlementOptions> options,
    TimeProvider clock, PortalMetrics metrics, ILogger<SubriteMemberApi> logger)
{
    public const string ProfilePath = "/api/v1/members/profile/info-with-active-subscriptions";

    public async Task<MemberProfile?> ReadAsync(string providerKey, string accessToken, CancellationToken cancellationToken)
    {
        var apiBase = providers.Get(providerKey).MemberApiBase;
        if (string.IsNullOrEmpty(apiBase))
        {
            LogNotConfigured(providerKey);
            return null;
        }

        // Real elapsed time, whatever the app's clock says.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "unreadable";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.MemberApiTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, apiBase.TrimEnd('/') + ProfilePath);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                outcome = "http_error";
                LogFailed(providerKey, (int)response.StatusCode);
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token);
            var profile = Parse(json.RootElement);
            outcome = "ok";
            return profile;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "timeout";
            LogTimedOut(providerKey, options.Value.MemberApiTimeout.TotalMilliseconds);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException)
        {
            LogUnreadable(providerKey, e.GetType().Name);
            return null;
        }
        finally
        {
            metrics.MemberApiCall(providerKey, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Every subscription the API lists is active: "subscriptions: Only returns active subscriptions", and an empty
    /// list means none (docs/providers/subrite.md). Its <c>status</c> word and <c>expiresAt</c> are not documented as
    /// conditions, so neither is made one: a paying member is never told to renew because of them. A future
    /// <c>expiresAt</c> is kept as the end of that subscription within this session (TierResolution stops counting it
    /// then, and the next page re-reads the API); a past or missing one says nothing the list did not.
    /// </summary>
    private MemberProfile Parse(JsonElement root)
    {
        var now = clock.GetUtcNow();
        var plans = new List<ProviderPlan>();
        if (root.TryGetProperty("subscriptions", out var subscriptions) && subscriptions.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in subscriptions.EnumerateArray())
            {
                var keys = new[] { Text(s, "packageId"), Text(s, "packageName") }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                if (keys.Count == 0)
                {
                    continue;
                }

                var endsLater = Text(s, "expiresAt") is { } e
                    && DateTimeOffset.TryParse(e, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end) && end > now
                    ? end : (DateTimeOffset?)null;
                plans.Add(new ProviderPlan(keys, Text(s, "packageName"), IsActive: true, endsLater));
            }
        }

        return new MemberProfile(Text(root, "fullName"), Text(root, "email"), plans);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String when value.GetString() is { Length: > 0 } s => s,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Provider} has no MemberApiBase: its subscriptions cannot be read")]
    private partial void LogNotConfigured(string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member API of {Provider} answered HTTP {Status}; keeping the last known plans")]
    private partial void LogFailed(string provider, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member API of {Provider} did not answer within {TimeoutMs} ms; keeping the last known plans")]
    private partial void LogTimedOut(string provider, double timeoutMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member API of {Provider} could not be read ({Error}); keeping the last known plans")]
    private partial void LogUnreadable(string provider, string error);
}

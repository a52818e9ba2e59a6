using System.Net;

namespace PublisherPortal.Tests.Operations;

/// <summary>
/// The Prometheus endpoint is off unless configured; when on, it shows the site's own metrics (sign-ins, back-channel
/// logouts, sessions ended, paywall views, cache lookups) with tags from fixed lists, and nothing of the reader.
/// </summary>
[Collection(ProcessWideMetricsCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task No_scrape_endpoint_unless_configured()
    {
        using var portal = new PortalFactory(PortalSetup.Offline);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateReader().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_scrape_shows_the_sites_metrics_and_nothing_of_the_reader()
    {
        var minter = new LogoutTokenMinter();
        using var portal = new PortalFactory(PortalSetup.Pliro(minter).With("Telemetry:PrometheusPath", "/metrics"));
        var reader = new ReaderClient();
        await reader.SignInAsync(portal, "cus_secret_subject", "sid-secret-session");
        Assert.True(await reader.IsSignedInAsync(portal));
        var anonymous = portal.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/articles/{portal.LiveGated()[0].Slug}")).StatusCode);
        var token = minter.Sign(minter.Claims(portal.Clock.GetUtcNow(), "cus_secret_subject", "sid-secret-session"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/backchannel-logout/pliro",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("logout_token", token)]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/backchannel-logout/pliro",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("logout_token", token)]))).StatusCode);

        var scrape = await ScrapeAsync(anonymous, "portal_backchannel_logouts");

        Assert.Contains("portal_paywall_shown_total{", scrape);
        Assert.Matches("portal_paywall_shown_total\\{[^}]*reason=\"Anonymous\"[^}]*\\} 1", scrape);
        Assert.Matches("portal_backchannel_logouts_total\\{[^}]*outcome=\"ended\"[^}]*provider=\"pliro\"[^}]*\\} 1", scrape);
        Assert.Matches("portal_backchannel_logouts_total\\{[^}]*outcome=\"refused\"[^}]*provider=\"pliro\"[^}]*\\} 1", scrape);
        Assert.Matches("portal_sessions_ended_total\\{[^}]*reason=\"BackchannelLogout\"[^}]*\\} 1", scrape);
        Assert.Matches("portal_cache_lookups_total\\{[^}]*cache=\"sessions\"[^}]*result=\"hit\"", scrape);
        foreach (var secret in new[] { "cus_secret_subject", "sid-secret-session", token, reader.SessionCookie! })
        {
            Assert.DoesNotContain(secret, scrape);
        }
    }

    // The exporter collects on its own schedule: ask until the last metric recorded is there, with a deadline.
    private static async Task<string> ScrapeAsync(HttpClient client, string mustShow)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains(mustShow, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return text;
            }
        }
    }
}

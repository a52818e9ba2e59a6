using PublisherPortal.Admin.Plans;
using PublisherPortal.Tests.TestSupport;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Admin;
using PublisherPortal.Data;
using PublisherPortal.Oidc;
using PublisherPortal.Paywall;
using PublisherPortal.Testing;
using Xunit.Abstractions;

namespace PublisherPortal.Tests.Scaling;

/// <summary>
/// The shipped nginx file in front of three instances. Reader pages are not sticky; a reader signed in
/// through one instance reads on all of them and is anonymous on all of them soon after the provider's back-channel
/// logout; an admin's change is seen through every instance at once; forwarded headers count only from nginx; staff
/// circuits stick to one instance over WebSockets; oversized bodies stop at nginx.
/// </summary>
public sealed class NginxDeploymentTests(NginxCluster cluster, ITestOutputHelper output) : IClassFixture<NginxCluster>
{
    [Fact]
    public async Task Reader_pages_are_served_by_every_instance_without_sticky_sessions()
    {
        using var browser = cluster.Browser("127.0.0.3");
        var seen = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.Add(InstanceOf(response));
        }

        Assert.Equal(["A", "B", "C"], seen.Distinct().Order());
    }

    [Fact]
    public async Task A_reader_signed_in_through_one_instance_reads_on_all_and_is_anonymous_on_all_after_the_providers_back_channel_logout()
    {
        using var browser = cluster.Browser("127.0.0.4");
        var story = PremiumStory();
        var signIn = await browser.PostFormAsync(TestSignIn.Path,
            [new("provider", "pliro"), new(OidcClaimTypes.Issuer, LogoutTokenMinter.Issuer), new(OidcClaimTypes.Subject, "cus_nginx"),
             new(OidcClaimTypes.SessionId, "sid-nginx"), new(OidcClaimTypes.Plan, "premium")]);
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        // Production over nginx's https: the session cookie is __Host- and Secure.
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-portal.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        output.WriteLine($"signed in through instance {InstanceOf(signIn)}");

        var readOn = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var (instance, html) = await ReadAsync(browser, story.Slug);
            Assert.DoesNotContain("data-reason=", html); // the whole story, on whichever instance answered
            readOn.Add(instance);
        }

        Assert.Equal(3, readOn.Count);

        using var provider = cluster.Browser("127.0.0.6");
        var token = cluster.Minter.Sign(cluster.Minter.Claims(DateTimeOffset.UtcNow, "cus_nginx", "sid-nginx"));
        var logout = await provider.PostFormAsync("/backchannel-logout/pliro", [new("logout_token", token)]);
        var ended = Stopwatch.GetTimestamp();
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);

        var anonymousOn = new HashSet<string>();
        while (anonymousOn.Count < 3)
        {
            var (instance, html) = await ReadAsync(browser, story.Slug);
            if (html.Contains($"data-reason=\"{TeaserReason.Anonymous}\"", StringComparison.Ordinal))
            {
                anonymousOn.Add(instance);
            }

            Assert.True(Stopwatch.GetElapsedTime(ended) < RevocationDelay.Bound, $"still signed in after {RevocationDelay.Bound} on an instance other than {string.Join(",", anonymousOn)}");
        }

        output.WriteLine($"Back-channel logout through nginx (ended on {InstanceOf(logout)}): anonymous on A, B and C within " +
            $"{Stopwatch.GetElapsedTime(ended).TotalMilliseconds:0} ms (page reads included)");
    }

    [Fact]
    public async Task An_admins_plan_mapping_change_on_one_instance_is_seen_through_every_instance_at_once()
    {
        using var browser = cluster.Browser("127.0.0.5");
        var story = PremiumStory();
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostFormAsync(TestSignIn.Path,
            [new("provider", "pliro"), new(OidcClaimTypes.Issuer, LogoutTokenMinter.Issuer), new(OidcClaimTypes.Subject, "cus_plus"),
             new(OidcClaimTypes.SessionId, "sid-plus"), new(OidcClaimTypes.Plan, "plus")])).StatusCode);
        var before = new HashSet<string>();
        while (before.Count < 3)
        {
            var (instance, html) = await ReadAsync(browser, story.Slug);
            Assert.Contains($"data-reason=\"{TeaserReason.TierTooLow}\"", html);
            before.Add(instance);
        }

        // On instance A: Pliro's "plus" plan now opens Premium.
        await using (var scope = cluster.Instances[0].Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var mapping = await db.PlanMappings.SingleAsync(m => m.ProviderKey == "pliro" && m.PlanKey == "plus");
            var premium = await db.AccessTiers.SingleAsync(t => t.Slug == "premium");
            var admin = await StaffActing.AdminAsync(scope.ServiceProvider);
            var result = await scope.ServiceProvider.GetRequiredService<PlanMappingService>().UpdateAsync(admin, mapping.Id,
                new PlanMappingForm { Provider = "pliro", PlanKey = "plus", TierId = premium.Id, OriginalTierId = mapping.AccessTierId }, default);
            Assert.True(result.Succeeded, result.Message);
        }

        var changed = Stopwatch.GetTimestamp();
        var after = new HashSet<string>();
        while (after.Count < 3)
        {
            var (instance, html) = await ReadAsync(browser, story.Slug);
            if (!html.Contains("data-reason=", StringComparison.Ordinal))
            {
                after.Add(instance);
            }

            Assert.True(Stopwatch.GetElapsedTime(changed) < RevocationDelay.Bound, "an instance kept the old mapping");
        }

        output.WriteLine($"Plan mapping change seen through A, B and C within {Stopwatch.GetElapsedTime(changed).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Forwarded_headers_count_only_when_nginx_sends_them()
    {
        // Through nginx over https: each instance knows the request was https (HSTS is sent on https only).
        using var browser = cluster.Browser("127.0.0.7");
        for (var i = 0; i < 3; i++)
        {
            var response = await browser.GetAsync("/");
            Assert.True(response.Headers.Contains("Strict-Transport-Security"), $"instance {InstanceOf(response)} did not see https");
        }

        foreach (var instance in cluster.Instances)
        {
            // The same claim from the proxy's own address is believed; from anyone else it is ignored.
            Assert.True((await SpoofedAsync(instance, from: "127.0.0.1", "/")).Headers.Contains("Strict-Transport-Security"));
            Assert.False((await SpoofedAsync(instance, from: "127.0.0.3", "/")).Headers.Contains("Strict-Transport-Security"));
        }

        // A client's own X-Forwarded-For never buys it a fresh allowance: through nginx the limit bites within one
        // allowance per instance, whatever the header says...
        var requests = 0;
        HttpResponseMessage limited;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=harbour");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{requests}");
            limited = await browser.SendAsync(request);
            requests++;
        }
        while (limited.StatusCode != HttpStatusCode.TooManyRequests && requests <= 3 * NginxCluster.SearchLimit + 3);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(requests <= 3 * NginxCluster.SearchLimit + 1, $"{requests} searches before a 429");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        // ...while another client address, as nginx reports it, has its own.
        using var neighbour = cluster.Browser("127.0.0.8");
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync("/search?q=harbour")).StatusCode);

        // Straight at an instance from an address that is not the proxy, X-Forwarded-For is ignored altogether.
        var direct = 0;
        HttpStatusCode status;
        do
        {
            status = (await SpoofedAsync(cluster.Instances[1], from: "127.0.0.9", "/search?q=harbour", forwardedFor: $"198.51.100.{direct}")).StatusCode;
            direct++;
        }
        while (status != HttpStatusCode.TooManyRequests && direct <= NginxCluster.SearchLimit + 3);

        Assert.Equal(NginxCluster.SearchLimit + 1, direct);
    }

    [Fact]
    public async Task Staff_circuits_stay_on_one_instance_through_negotiation_and_websockets()
    {
        foreach (var from in new[] { "127.0.0.10", "127.0.0.11" })
        {
            using var client = new HttpClient(NginxCluster.Handler(from, cluster.Nginx.HttpsPort)) { BaseAddress = new Uri(cluster.Nginx.BaseUrl) };
            var negotiated = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                negotiated.Add(await response.Content.ReadAsStringAsync());
            }

            var circuit = Assert.Single(negotiated.Distinct());
            using var socket = new ClientWebSocket();
            using var invoker = new HttpMessageInvoker(NginxCluster.Handler(from, cluster.Nginx.HttpsPort));
            await socket.ConnectAsync(new Uri($"wss://{NginxProxy.ServerName}:{cluster.Nginx.HttpsPort}/_blazor?id=x"), invoker, CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            var buffer = new byte[64];
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            Assert.Equal($"{circuit}:hello", Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_by_nginx_and_by_each_instance()
    {
        var tooLarge = new string('a', 1024 * 1024 + 1);
        using var browser = cluster.Browser("127.0.0.12");
        var throughNginx = await browser.PostFormAsync("/backchannel-logout/pliro", [new("logout_token", tooLarge)]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, throughNginx.StatusCode);
        Assert.False(throughNginx.Headers.Contains(KestrelInstance.Header)); // no instance saw it

        // Each instance holds bodies to the same limit (Kestrel:Limits:MaxRequestBodySize unset: the site's 1 MiB, not ASP.NET's 30 MB).
        foreach (var instance in cluster.Instances)
        {
            Assert.Equal(1024 * 1024, instance.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<
                Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        }
    }

    private async Task<HttpResponseMessage> SpoofedAsync(KestrelInstance instance, string from, string path, string? forwardedFor = null)
    {
        using var client = cluster.Direct(instance, from);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = NginxProxy.ServerName; // HSTS is never sent to an IP-address host
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", forwardedFor ?? "203.0.113.99");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_story_unpublished_and_published_again_on_one_instance_is_gone_and_back_through_every_instance_at_once()
    {
        using var browser = cluster.Browser("127.0.0.8");
        int storyId;
        string slug;
        await using (var scope = cluster.Instances[0].Services.CreateAsyncScope())
        {
            var story = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Articles.AsNoTracking()
                .Where(a => a.AccessLevel == AccessLevel.Public && a.Status == PublisherPortal.Articles.ArticleStatus.Published)
                .OrderByDescending(a => a.Id).FirstAsync();
            (storyId, slug) = (story.Id, story.Slug);
        }

        // Every instance has the story's page in its anonymous page cache.
        var cached = new HashSet<string>();
        while (cached.Count < 3)
        {
            cached.Add((await ReadAsync(browser, slug)).Instance);
        }

        await ChangeOnAAsync((lifecycle, admin) => lifecycle.UnpublishAsync(admin, storyId, null, default));
        await SeenOnEveryInstanceAsync(browser, slug, HttpStatusCode.Gone, "unpublished");

        await ChangeOnAAsync((lifecycle, admin) => lifecycle.PublishAsync(admin, storyId, null, default));
        await SeenOnEveryInstanceAsync(browser, slug, HttpStatusCode.OK, "published again");
    }

    private async Task ChangeOnAAsync(Func<PublisherPortal.Newsroom.Stories.StoryLifecycle, System.Security.Claims.ClaimsPrincipal, Task<PublisherPortal.Staff.StaffResult>> change)
    {
        await using var scope = cluster.Instances[0].Services.CreateAsyncScope();
        var admin = await StaffActing.AdminAsync(scope.ServiceProvider);
        var result = await change(scope.ServiceProvider.GetRequiredService<PublisherPortal.Newsroom.Stories.StoryLifecycle>(), admin);
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task SeenOnEveryInstanceAsync(TestBrowser browser, string slug, HttpStatusCode expected, string what)
    {
        var changed = Stopwatch.GetTimestamp();
        var seen = new HashSet<string>();
        while (seen.Count < 3)
        {
            var response = await browser.GetAsync($"/articles/{slug}");
            if (response.StatusCode == expected)
            {
                seen.Add(InstanceOf(response));
            }

            Assert.True(Stopwatch.GetElapsedTime(changed) < RevocationDelay.Bound, $"an instance still served the story as before it was {what}");
        }

        output.WriteLine($"Story {what} on A: seen through A, B and C within {Stopwatch.GetElapsedTime(changed).TotalMilliseconds:0} ms");
    }

    private static async Task<(string Instance, string Html)> ReadAsync(TestBrowser browser, string slug)
    {
        var response = await browser.GetAsync($"/articles/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (InstanceOf(response), await response.Content.ReadAsStringAsync());
    }

    private PublisherPortal.Articles.Article PremiumStory() =>
        cluster.Instances[0].LiveGated().First(a => a.AccessLevel == AccessLevel.Tier && a.MinimumTier?.Slug == "premium");

    private static string InstanceOf(HttpResponseMessage response) => response.Headers.GetValues(KestrelInstance.Header).Single();
}

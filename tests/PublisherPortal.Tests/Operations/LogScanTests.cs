using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublisherPortal.Data;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.Sessions;
using PublisherPortal.Testing;
using Xunit.Abstractions;

namespace PublisherPortal.Tests.Operations;

/// <summary>
/// A full sign-in, an access-token refresh, a sign-out and a provider's back-channel logout, through
/// the stand-in providers, with every log line the site writes kept (the shipped levels, and the site's own categories
/// down to Trace); then every code, state, token, client secret, logout token and cookie value those journeys carried is
/// looked for in every line, and found in none.
/// </summary>
public sealed class LogScanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_token_code_secret_or_cookie_value_is_ever_logged()
    {
        using var portal = new ScannedPortal();
        using var browser = portal.NewBrowser();
        var secrets = new HashSet<string>(StringComparer.Ordinal);

        // Subrite: sign in, then renew the access token once it has expired (Subrite issues refresh tokens).
        await SignInAsync(browser, "subrite", "subrite-premium");
        await CollectSessionTokensAsync(portal, secrets);
        portal.Clock.Advance(TimeSpan.FromHours(2));
        var renewed = await browser.GetAsync(TestSignIn.AccessTokenPath);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        secrets.Add(await renewed.Content.ReadAsStringAsync());
        await CollectSessionTokensAsync(portal, secrets);

        // Sign out here (RP-initiated: the antiforgery-protected form on the account page).
        var account = await TestBrowser.ParseAsync(await browser.GetAsync("/account"));
        var form = (IHtmlFormElement)account.QuerySelector("form.sign-out")!;
        var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>().Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        var signedOut = await browser.PostFormAsync("/account/logout", fields);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // Pliro: sign in, then sign out at Pliro itself, which tells the site through back-channel logout.
        await SignInAsync(browser, "pliro", "pliro-premium");
        await CollectSessionTokensAsync(portal, secrets);
        var confirm = await TestBrowser.ParseAsync(await browser.GetAsync("/dev/pliro/oauth/end_session"));
        var confirmForm = (IHtmlFormElement)confirm.QuerySelector("form")!;
        var confirmed = await browser.PostFormAsync(confirmForm.GetAttribute("action")!,
            confirmForm.QuerySelectorAll("input").OfType<IHtmlInputElement>().Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)));
        Assert.True(confirmed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Pliro's sign-out answered {confirmed.StatusCode}");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode); // signed out here too

        foreach (var url in browser.Visited)
        {
            foreach (var (name, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query))
            {
                // The values a URL carries that are not public (client_id, redirect_uri, scope... are).
                if (name is "code" or "state" or "id_token_hint" or "nonce" or "code_challenge" or "access_token")
                {
                    secrets.Add(value.ToString());
                }
            }
        }

        foreach (Cookie cookie in browser.Cookies.GetAllCookies())
        {
            secrets.Add(cookie.Value);
        }

        foreach (var provider in portal.Services.GetRequiredService<IConfiguration>().GetSection("Providers").GetChildren())
        {
            secrets.Add(provider["ClientSecret"] ?? "");
        }

        secrets.UnionWith(portal.LogoutTokens);
        secrets.RemoveWhere(s => s.Length < 12 || s.StartsWith('/') || s.StartsWith("http", StringComparison.Ordinal));

        var lines = portal.Logs.Entries.Select(e => $"{e.Category}: {e.Message} {e.Exception}").ToList();
        output.WriteLine($"Scanned {lines.Count} log lines for {secrets.Count} secret values ({portal.LogoutTokens.Count} logout token(s))");
        // The journeys happened as described: otherwise there would be nothing to find.
        Assert.NotEmpty(portal.LogoutTokens);
        Assert.Contains(lines, l => l.Contains("Renewed a reader's access token at subrite", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Back-channel logout from pliro ended 1 session(s)", StringComparison.Ordinal));
        Assert.Contains(secrets, s => s.Count(c => c == '.') == 2); // JWTs among them
        var leaks = (from line in lines from secret in secrets where line.Contains(secret, StringComparison.Ordinal) select $"{secret[..8]}… in {line[..Math.Min(160, line.Length)]}").ToList();
        Assert.True(leaks.Count == 0, "Logged secrets:\n" + string.Join("\n", leaks.Take(10)));
    }

    private static async Task SignInAsync(TestBrowser browser, string provider, string reader)
    {
        var url = new Uri(new Uri(PortalFactory.BaseUrl), $"/account/login?provider={provider}&returnUrl=/");
        for (var hops = 0; hops < 20; hops++)
        {
            var response = await browser.GetAsync(url.ToString());
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                url = new Uri(url, response.Headers.Location!);
                continue;
            }

            var page = await TestBrowser.ParseAsync(response);
            if (page.QuerySelector("form button[name=reader]")?.Closest("form") is not IHtmlFormElement form)
            {
                Assert.Equal("/", url.AbsolutePath);
                return;
            }

            var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).Append(new("reader", reader)).ToList();
            var posted = await browser.PostFormAsync(new Uri(url, form.GetAttribute("action")).ToString(), fields);
            url = new Uri(url, posted.Headers.Location!);
        }

        throw new InvalidOperationException("sign-in did not finish");
    }

    private static async Task CollectSessionTokensAsync(PortalFactory portal, HashSet<string> secrets)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ReaderSessions.Select(s => s.Id).ToListAsync();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            secrets.Add(id);
            var ticket = await portal.Services.GetRequiredService<DatabaseTicketStore>().PeekAsync(id);
            foreach (var token in ticket?.Properties.GetTokens() ?? [])
            {
                if (token.Name is "access_token" or "refresh_token" or "id_token")
                {
                    secrets.Add(token.Value);
                }
            }
        }
    }

    /// <summary>The site with its stand-ins, keeping every log line and every logout token Pliro's stand-in sends.</summary>
    private sealed class ScannedPortal() : PortalFactory(PortalSetup.StandIns)
    {
        private readonly ConcurrentQueue<string> _logoutTokens = new();

        public LogSink Logs { get; } = new();

        public IReadOnlyList<string> LogoutTokens => [.. _logoutTokens];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddLogging(logging => logging.AddProvider(Logs).AddFilter("PublisherPortal", LogLevel.Trace));
                services.AddHttpClient(BackchannelLogoutSender.HttpClientName).AddHttpMessageHandler(() => new Recorder(_logoutTokens));
            });
        }

        private sealed class Recorder(ConcurrentQueue<string> tokens) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = await request.Content!.ReadAsStringAsync(cancellationToken);
                tokens.Enqueue(Uri.UnescapeDataString(body.Split('=', 2)[1]));
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}

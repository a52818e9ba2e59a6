using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using Xunit.Abstractions;

namespace PublisherPortal.Tests.Operations;

/// <summary>
/// Thousands of malformed requests to the sign-in callback and back-channel logout, from a fixed
/// seed, for a few seconds. Every answer is a 4xx or a redirect (never 5xx), and no session is created or ended. The
/// figures are written to the test output.
/// </summary>
public sealed class CallbackFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 1313;
    private const int Requests = 3000;
    private static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Thousands_of_malformed_callbacks_and_logouts_answer_4xx_and_touch_no_session()
    {
        var minter = new LogoutTokenMinter();
        var provider = new ScriptedProvider().Json("/oauth/token", """{ "error": "invalid_grant" }""");
        using var portal = new LoggedPortal(PortalSetup.Pliro(minter).With(new Dictionary<string, string?>
        {
            // The limits would answer most of these with 429 before the code under test saw them.
            ["RateLimits:SignIn:PermitLimit"] = "0",
            ["RateLimits:BackchannelLogout:PermitLimit"] = "0",
        }) with { ProviderBackchannel = provider });
        var reader = new ReaderClient();
        await reader.SignInAsync(portal, "cus_fuzz", "sid-fuzz");
        var sessionsBefore = await SessionsAsync(portal);

        // Real material to mutate: a state and correlation cookie from a sign-in we started, a valid logout token.
        var start = await portal.CreateReader().GetAsync("/account/login?provider=pliro");
        var state = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query)["state"]!;
        var correlation = start.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var validToken = minter.Sign(minter.Claims(portal.Clock.GetUtcNow(), "cus_other", "sid-other"));

        var random = new Random(Seed);
        var statuses = new SortedDictionary<int, int>();
        var client = portal.CreateReader();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var fiveHundreds = new List<string>();
        while (sent < Requests && clock.Elapsed < TimeBox)
        {
            using var request = sent % 2 == 0 ? Callback(random, state, correlation) : Backchannel(random, validToken);
            var description = $"{request.Method} {request.RequestUri}";
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                fiveHundreds.Add(description.Length > 300 ? description[..300] : description);
            }

            sent++;
        }

        output.WriteLine($"Fuzz (seed {Seed}): {sent} requests in {clock.Elapsed.TotalSeconds:0.0} s; statuses: " +
            string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(sent >= 2000, $"only {sent} requests in {TimeBox}");
        Assert.True(fiveHundreds.Count == 0, "5xx for:\n" + string.Join("\n", fiveHundreds.Take(10)));
        Assert.Equal(sessionsBefore, await SessionsAsync(portal));
        // What the requests carried reaches the site's own log lines only made inert: no line breaks, no control characters.
        var injected = portal.Logs.Entries.Where(e => e.Category.StartsWith("PublisherPortal", StringComparison.Ordinal) && e.Message.Any(char.IsControl)).ToList();
        Assert.True(injected.Count == 0, "control characters in: " + string.Join("\n", injected.Take(3).Select(e => e.Category + ": " + e.Message[..Math.Min(200, e.Message.Length)])));
        Assert.True(await reader.IsSignedInAsync(portal));
    }

    private static HttpRequestMessage Callback(Random random, string state, string correlation)
    {
        var names = new[] { "code", "state", "error", "error_description", "iss", "session_state", "error_uri", Junk(random, 8) };
        var fields = new List<KeyValuePair<string, string>>();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            var name = names[random.Next(names.Length)];
            fields.Add(new(name, name == "state" && random.Next(3) == 0 ? Mutate(random, state) : Value(random)));
        }

        var path = random.Next(8) == 0 ? "/signout-callback-pliro" : random.Next(10) == 0 ? "/signin-nobody" : "/signin-pliro";
        HttpRequestMessage request;
        if (random.Next(3) == 0)
        {
            request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(random, fields) };
        }
        else
        {
            var query = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + (random.Next(5) == 0 ? f.Value.Replace("%", "%%") : Uri.EscapeDataString(f.Value))));
            request = new HttpRequestMessage(random.Next(12) == 0 ? HttpMethod.Head : HttpMethod.Get, path + "?" + query);
        }

        if (random.Next(2) == 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", random.Next(2) == 0 ? correlation : $"{Junk(random, 12)}={Value(random)}");
        }

        return request;
    }

    private static HttpRequestMessage Backchannel(Random random, string validToken)
    {
        var token = random.Next(7) switch
        {
            0 => Mutate(random, validToken),
            1 => validToken[..random.Next(validToken.Length)],
            2 => string.Join('.', Enumerable.Range(0, random.Next(1, 5)).Select(_ => B64(random))),
            3 => B64Json("""{"alg":"none","typ":"logout+jwt"}""") + "." + B64Json("""{"iss":"https://pliro.example","sid":"sid-fuzz","events":{}}""") + ".",
            4 => new string('A', random.Next(60_000, 70_000)),
            5 => "",
            _ => Value(random),
        };
        var fields = new List<KeyValuePair<string, string>> { new(random.Next(10) == 0 ? Junk(random, 5) : "logout_token", token) };
        if (random.Next(6) == 0)
        {
            fields.Add(new("logout_token", Value(random)));
        }

        var method = random.Next(15) switch { 0 => HttpMethod.Get, 1 => HttpMethod.Put, _ => HttpMethod.Post };
        var path = random.Next(10) == 0 ? "/backchannel-logout/" + Uri.EscapeDataString(Junk(random, 6)) : "/backchannel-logout/pliro";
        return new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : Body(random, fields) };
    }

    private static HttpContent Body(Random random, List<KeyValuePair<string, string>> fields)
    {
        var form = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        switch (random.Next(7))
        {
            case 0:
                return new ByteArrayContent(RandomBytes(random, random.Next(0, 2048)))
                {
                    Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") },
                };
            case 1:
                return new StringContent(form, Encoding.UTF8, "application/json");
            case 2:
                var latin = new ByteArrayContent(Encoding.Latin1.GetBytes(form));
                latin.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=iso-8859-1");
                return latin;
            case 3:
                var garbled = new StringContent(form);
                garbled.Headers.TryAddWithoutValidation("Content-Type", random.Next(2) == 0 ? ";;==" : "multipart/form-data; boundary=");
                return garbled;
            default:
                return new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        }
    }

    private static string Value(Random random) => random.Next(9) switch
    {
        0 => "",
        1 => new string('x', random.Next(1000, 12_000)),
        2 => "\u0000\r\n\t<script>alert(1)</script>",
        3 => "%zz%%%0",
        4 => "ü€😀\uFFFD\uD800",
        5 => B64(random),
        6 => "null",
        _ => Junk(random, random.Next(1, 40)),
    };

    private static string Mutate(Random random, string value)
    {
        if (value.Length == 0)
        {
            return Junk(random, 4);
        }

        var chars = value.ToCharArray();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            chars[random.Next(chars.Length)] = (char)random.Next(33, 127);
        }

        return new string(chars);
    }

    private static string Junk(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(33, 127)).ToArray());

    private static string B64(Random random) => Convert.ToBase64String(RandomBytes(random, random.Next(0, 300))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string B64Json(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<int> SessionsAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ReaderSessions.CountAsync();
    }
}

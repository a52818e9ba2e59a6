using System.Net;
using PublisherPortal.Articles;
using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Scaling;

/// <summary>
/// Several instances of the site on one database, as behind a load balancer: the first migrates and seeds, the others
/// start on what it made. A reader is a session cookie any instance may be asked with; a provider is the test's key.
/// </summary>
public sealed class InstanceGroup : IAsyncDisposable
{
    public const string SessionCookie = "portal.session";
    private readonly List<PortalFactory> _instances = [];

    private InstanceGroup()
    {
    }

    public LogoutTokenMinter Minter { get; } = new();

    public IReadOnlyList<PortalFactory> Instances => _instances;

    public PortalFactory this[int index] => _instances[index];

    /// <param name="database">Settings naming the shared database, e.g. PostgreSQL's; null: a SQLite file shared by all.</param>
    public static InstanceGroup Start(int count, IReadOnlyDictionary<string, string?>? database, IReadOnlyDictionary<string, string?> settings)
    {
        var group = new InstanceGroup();
        for (var i = 0; i < count; i++)
        {
            var setup = PortalSetup.Pliro(group.Minter).With(settings).With(database ?? new Dictionary<string, string?>());
            if (database is null && i > 0)
            {
                setup = setup with { SharedDatabasePath = group._instances[0].DatabasePath };
            }

            var instance = new PortalFactory(setup);
            _ = instance.Services; // one after the other: the first migrates and seeds
            group._instances.Add(instance);
        }

        return group;
    }

    /// <summary>Signs a Pliro reader in on one instance; returns the session cookie's value.</summary>
    public async Task<string> SignInAsync(int instance, string subject, string sid, string? plan = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("provider", "pliro"), new("iss", LogoutTokenMinter.Issuer), new("sub", subject), new("sid", sid),
        };
        if (plan is not null)
        {
            form.Add(new("plan", plan));
        }

        var response = await _instances[instance].CreateReader().PostAsync(TestSignIn.Path, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
        return cookie[(SessionCookie.Length + 1)..cookie.IndexOf(';')];
    }

    /// <summary>Who <paramref name="instance"/> says the holder of <paramref name="cookie"/> is: a subject, or "anonymous".</summary>
    public async Task<string> WhoAsync(int instance, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TestSignIn.AccessTokenPath + "?then=whoami");
        request.Headers.Add("Cookie", $"{SessionCookie}={cookie}");
        var response = await _instances[instance].CreateReader().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text[(text.LastIndexOf(" as ", StringComparison.Ordinal) + 4)..];
    }

    public async Task<HttpResponseMessage> GetAsync(int instance, string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{SessionCookie}={cookie}");
        }

        return await _instances[instance].CreateReader().SendAsync(request);
    }

    /// <summary>The provider's back-channel logout of (subject, sid), posted to one instance.</summary>
    public async Task<HttpResponseMessage> BackchannelLogoutAsync(int instance, string subject, string sid)
    {
        var token = Minter.Sign(Minter.Claims(_instances[instance].Clock.GetUtcNow(), subject, sid));
        return await _instances[instance].CreateReader().PostAsync("/backchannel-logout/pliro",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("logout_token", token)]));
    }

    /// <summary>A live story for Premium only, from the seeded demo.</summary>
    public Article PremiumStory() =>
        _instances[0].LiveGated().First(a => a.AccessLevel == AccessLevel.Tier && a.MinimumTier?.Slug == "premium");

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Enumerable.Reverse(_instances))
        {
            await instance.DisposeAsync();
        }
    }
}

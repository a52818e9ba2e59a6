using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>prompt=login and max_age: the proof of a fresh login is auth_time (OIDC Core §3.1.2.1, PixelPin's warning).</summary>
public sealed class FreshLoginTests
{
    [Fact]
    public async Task Refuses_auth_time_older_than_the_journey_when_prompt_login_was_asked()
    {
        // The reader stripped prompt=login: the provider reused an hour-old session.
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.AuthTime = DateTimeOffset.UtcNow.AddHours(-1));

        var page = await s.SignInAsync("?prompt=login");

        Assert.Equal("login", s.Provider.AuthorizeRequests.Single()["prompt"]);
        await s.AssertRefusedAsync(page, OidcErrorCodes.InvalidIdToken);
        s.AssertLogged("auth_time");
    }

    [Fact]
    public async Task Refuses_missing_auth_time_when_prompt_login_was_asked()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.MutateIdToken = c => c.Remove("auth_time"));

        await s.AssertRefusedAsync(await s.SignInAsync("?prompt=login"), OidcErrorCodes.InvalidIdToken);
    }

    [Fact]
    public async Task Accepts_a_fresh_auth_time_when_prompt_login_was_asked()
    {
        await using var s = await Scenario.StartAsync();

        await s.AssertSignedInAsync(await s.SignInAsync("?prompt=login"));
    }

    [Fact]
    public async Task Accepts_an_old_auth_time_when_no_fresh_login_was_asked()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.AuthTime = DateTimeOffset.UtcNow.AddDays(-3));

        await s.AssertSignedInAsync(await s.SignInAsync());
    }

    [Fact]
    public async Task Refuses_auth_time_older_than_max_age()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.AuthTime = DateTimeOffset.UtcNow.AddHours(-1));

        var page = await s.SignInAsync("?maxAge=600");

        Assert.Equal("600", s.Provider.AuthorizeRequests.Single()["max_age"]);
        await s.AssertRefusedAsync(page, OidcErrorCodes.InvalidIdToken);
        s.AssertLogged("max_age");
    }

    [Fact]
    public async Task Sends_prompt_from_settings_when_the_challenge_gives_none()
    {
        await using var s = await Scenario.StartAsync(v => v["Providers:op:Prompt"] = "consent");

        await s.AssertSignedInAsync(await s.SignInAsync());

        Assert.Equal("consent", s.Provider.AuthorizeRequests.Single()["prompt"]);
    }
}

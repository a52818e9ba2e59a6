using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.UserInfo;

/// <summary>Re-reading a reader's plans from userinfo with their access token, without a redirect (Pliro's "update customer information").</summary>
public sealed class UserInfoReaderTests
{
    private static Task<OidcUserInfoResult> ReadAsync(Scenario s, string subject = HostileProvider.Subject, string token = "at-stored") =>
        s.Site.Services.GetRequiredService<OidcUserInfoReader>().ReadAsync(Scenario.Key, token, subject);

    [Fact]
    public async Task Maps_pliro_plan_and_plan_slugs_to_plan_keys_as_at_sign_in()
    {
        await using var s = await Scenario.StartAsync(type: "Pliro", arrange: p =>
        {
            p.Behaviour.UserInfoExtra["plan"] = "premium";
            p.Behaviour.UserInfoExtra["plan_slugs"] = new[] { "premium", "crossword" };
            p.Behaviour.UserInfoExtra["name"] = "Ada Reader";
        });

        var result = await ReadAsync(s);

        Assert.Equal(OidcUserInfoStatus.Succeeded, result.Status);
        Assert.Equal(["premium", "crossword"], result.Plans);
        Assert.Equal("Ada Reader", result.Identity!.Name);
        Assert.Equal(HostileProvider.Subject, result.Identity.FindFirst(OidcClaimTypes.Subject)!.Value);
        Assert.Equal(Scenario.Key, result.Identity.FindFirst(OidcClaimTypes.Provider)!.Value);
    }

    [Fact]
    public async Task Reports_no_plans_when_the_provider_reports_none()
    {
        await using var s = await Scenario.StartAsync(type: "Pliro", arrange: p => p.Behaviour.UserInfoExtra["plan_slugs"] = Array.Empty<string>());

        var result = await ReadAsync(s);

        Assert.Equal(OidcUserInfoStatus.Succeeded, result.Status);
        Assert.Empty(result.Plans);
    }

    [Fact]
    public async Task Tells_an_expired_token_from_an_unreachable_provider()
    {
        await using var s = await Scenario.StartAsync(type: "Pliro", arrange: p => p.Behaviour.UserInfoFailure = UserInfoFailure.InvalidToken);

        Assert.Equal(OidcUserInfoStatus.TokenRejected, (await ReadAsync(s)).Status);

        s.Provider.Behaviour.UserInfoFailure = UserInfoFailure.ServerError;
        Assert.Equal(OidcUserInfoStatus.ProviderUnavailable, (await ReadAsync(s)).Status);
    }

    [Fact]
    public async Task Reports_an_unreachable_provider_as_unavailable()
    {
        await using var s = await Scenario.StartAsync(type: "Pliro", configure: o => o.BackchannelHttpHandler = new Unreachable(o.BackchannelHttpHandler!, "/userinfo"));

        var result = await ReadAsync(s);

        Assert.Equal(OidcUserInfoStatus.ProviderUnavailable, result.Status);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task Refuses_a_profile_of_another_subject()
    {
        await using var s = await Scenario.StartAsync(type: "Pliro");

        var result = await ReadAsync(s, subject: "cus_someone_else");

        Assert.Equal(OidcUserInfoStatus.Refused, result.Status);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task Maps_pixelpin_documented_fields()
    {
        await using var s = await Scenario.StartAsync(type: "PixelPin", arrange: p =>
        {
            p.Behaviour.UserInfoOmitSub = true;
            p.Behaviour.UserInfoExtra["id"] = 7700000000000000001L;
            p.Behaviour.UserInfoExtra["firstName"] = "Paula";
            p.Behaviour.UserInfoExtra["email"] = "paula@example.test";
        });

        var result = await ReadAsync(s, subject: "7700000000000000001");

        Assert.Equal(OidcUserInfoStatus.Succeeded, result.Status);
        Assert.Equal("Paula", result.Identity!.Name);
        Assert.Equal("paula@example.test", result.Identity.FindFirst(OidcClaimTypes.Email)!.Value);
    }

    /// <summary>A network that loses requests to one path.</summary>
    private sealed class Unreachable(HttpMessageHandler inner, string path) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.EndsWith(path, StringComparison.Ordinal)
                ? throw new HttpRequestException("connection refused")
                : base.SendAsync(request, cancellationToken);
    }
}

using PublisherPortal.Oidc.Tests.Fakes;

namespace PublisherPortal.Oidc.Tests.Conformance;

/// <summary>Every way the token endpoint can fail gives a clear error and no session.</summary>
public sealed class TokenEndpointTests
{
    [Fact]
    public async Task Shows_a_clear_error_when_the_token_endpoint_fails_with_500()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.TokenFailure = TokenEndpointFailure.ServerError);

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, OidcErrorCodes.TokenEndpointError);
        s.AssertLogged("500");
    }

    [Fact]
    public async Task Shows_a_clear_error_when_the_token_endpoint_answers_html()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.TokenFailure = TokenEndpointFailure.NonJson);

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.InvalidTokenResponse);
    }

    [Fact]
    public async Task Keeps_the_provider_error_code_for_invalid_client()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.TokenFailure = TokenEndpointFailure.InvalidClient);

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, "invalid_client");
        s.AssertLogged("Client authentication failed.");
    }

    [Fact]
    public async Task Refuses_when_the_client_authenticates_the_way_the_provider_does_not_accept()
    {
        // Settings say Basic, the provider wants post: the provider's 401 is shown, not swallowed.
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.ExpectedClientAuth = "client_secret_post");

        await s.AssertRefusedAsync(await s.SignInAsync(), "invalid_client");
    }

    [Fact]
    public async Task Shows_a_clear_error_when_the_token_endpoint_cannot_be_reached()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.BackchannelHttpHandler = new UnreachableTokenEndpoint(o.BackchannelHttpHandler!));

        await s.AssertRefusedAsync(await s.SignInAsync(), OidcErrorCodes.TokenEndpointError);
    }

    [Fact]
    public async Task Shows_a_clear_error_when_the_token_endpoint_times_out()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.BackchannelHttpHandler = new TimedOutTokenEndpoint(o.BackchannelHttpHandler!));

        var page = await s.SignInAsync();

        await s.AssertRefusedAsync(page, OidcErrorCodes.TokenEndpointError);
        s.AssertLogged("in time");
    }

    [Fact]
    public async Task Never_puts_the_client_secret_in_the_error_redirect()
    {
        await using var s = await Scenario.StartAsync(arrange: p => p.Behaviour.TokenFailure = TokenEndpointFailure.InvalidClient);

        await s.SignInAsync();

        Assert.DoesNotContain(s.Browser.Visited, u => u.ToString().Contains("s3cret", StringComparison.Ordinal)
            || Uri.UnescapeDataString(u.ToString()).Contains(HostileProvider.ClientSecret, StringComparison.Ordinal));
    }

    /// <summary>Fails the token request the way HttpClient reports its own timeout.</summary>
    private sealed class TimedOutTokenEndpoint(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath == "/token"
                ? throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException())
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>Lets discovery and JWKS through, and fails the token request as a dead connection would.</summary>
    private sealed class UnreachableTokenEndpoint(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath == "/token"
                ? throw new HttpRequestException("Connection refused")
                : base.SendAsync(request, cancellationToken);
    }
}

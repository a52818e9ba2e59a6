using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Oidc;

/// <summary>
/// Re-reads a signed-in reader's profile and plans from the provider's userinfo endpoint with their access token,
/// without a redirect: Pliro's documented way to update customer information, e.g. after checkout
/// (docs/providers/pliro.md). The claims are mapped exactly as at sign-in (Pliro <c>plan</c> and <c>plan_slugs</c>
/// become plan keys; PixelPin's field names are mapped). The result says whether the token is no longer accepted
/// (try silent re-authentication) or the provider could not be reached (keep what is known).
/// </summary>
public sealed class OidcUserInfoReader(IOidcConfigurationSource configurations, IOptionsMonitor<OidcProviderOptions> options, ILogger<OidcUserInfoReader> logger)
{
    /// <param name="expectedSubject">The reader's subject at this provider: a profile of anyone else is refused.</param>
    public async Task<OidcUserInfoResult> ReadAsync(string providerKey, string accessToken, string expectedSubject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(expectedSubject);
        var provider = options.Get(providerKey);
        string? endpoint;
        try
        {
            endpoint = (await configurations.GetAsync(providerKey, cancellationToken)).UserInfoEndpoint;
        }
        catch (OidcConfigurationException e)
        {
            logger.ConfigurationUnavailable(providerKey, e);
            return OidcUserInfoResult.Failed(OidcUserInfoStatus.ProviderUnavailable, "The provider's configuration could not be loaded.");
        }
        if (string.IsNullOrEmpty(endpoint))
        {
            return OidcUserInfoResult.Failed(OidcUserInfoStatus.Refused, "The provider has no userinfo endpoint.");
        }

        var answer = await UserInfoClient.GetAsync(provider, endpoint, accessToken, expectedSubject, logger, cancellationToken);
        if (answer.Status != OidcUserInfoStatus.Succeeded)
        {
            return OidcUserInfoResult.Failed(answer.Status, answer.Problem!);
        }

        var identity = OidcPrincipalFactory.Create(provider, provider.ClaimsIssuer ?? providerKey, provider.Issuer!, answer.Subject!, null, answer.User);
        return new OidcUserInfoResult(OidcUserInfoStatus.Succeeded, identity, null);
    }
}

/// <summary>How a userinfo read ended.</summary>
public enum OidcUserInfoStatus
{
    Succeeded,

    /// <summary>HTTP 401 (<c>WWW-Authenticate: Bearer error="invalid_token"</c>): the access token expired or was revoked.</summary>
    TokenRejected,

    /// <summary>Not reached, timed out, 5xx, or the configuration could not be loaded: nothing is known about the reader.</summary>
    ProviderUnavailable,

    /// <summary>An answer that cannot be used: another subject, not JSON, another 4xx, no userinfo endpoint.</summary>
    Refused,
}

/// <summary>The reader's claims as a sign-in would map them (<see cref="Identity"/>), or why there are none.</summary>
public sealed record OidcUserInfoResult(OidcUserInfoStatus Status, ClaimsIdentity? Identity, string? Problem)
{
    /// <summary>The plan keys the provider reports now (empty: none).</summary>
    public IReadOnlyList<string> Plans => Identity?.FindAll(OidcClaimTypes.Plan).Select(c => c.Value).ToList() ?? [];

    internal static OidcUserInfoResult Failed(OidcUserInfoStatus status, string problem) => new(status, null, problem);
}

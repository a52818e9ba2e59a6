using Microsoft.AspNetCore.Authentication;
using PublisherPortal.Oidc;

namespace PublisherPortal.Providers;

/// <summary>
/// A silent re-authentication (OIDC Core §3.1.2.1, <c>prompt=none</c>): the provider answers at once with a fresh ID
/// token, so fresh plan claims, while the reader is still signed in there, or with <c>login_required</c> when not.
/// </summary>
public static class SilentSignIn
{
    public static async Task<PlanRefreshOutcome> StartAsync(HttpContext context, OidcProviderInfo provider, string returnUrl)
    {
        await context.ChallengeAsync(provider.Key, new OidcChallengeProperties { Prompt = "none", RedirectUri = returnUrl });
        return PlanRefreshOutcome.Redirected;
    }
}

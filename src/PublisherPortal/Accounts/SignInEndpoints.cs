using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Accounts;

public static class SignInEndpoints
{
    /// <summary>
    /// <c>GET /account/login?provider=</c> starts sign-in at that provider. The same URL without a provider (or with
    /// an unknown one) is the chooser page, a Razor component; this runs first and only claims requests it can serve.
    /// </summary>
    public static IApplicationBuilder UseSignInStart(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method)
            && context.Request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
            && context.RequestServices.GetRequiredService<OidcProviderCatalog>().TryGet(context.Request.Query["provider"], out var provider))
        {
            var returnUrl = LocalUrl.OrHome(context.Request.Query["returnUrl"]);
            await context.ChallengeAsync(provider.Key, new OidcChallengeProperties { RedirectUri = returnUrl });
            return;
        }

        await next(context);
    });

    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder endpoints)
    {
        // A POST with an antiforgery token: a link or image cannot sign a reader out.
        endpoints.MapPost("/account/logout", async (HttpContext context, [FromForm] string? returnUrl) =>
        {
            var target = LocalUrl.OrHome(returnUrl);
            var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            var provider = session.Principal?.FindFirst(OidcClaimTypes.Provider)?.Value;
            var idToken = session.Properties?.GetTokenValue("id_token");

            // Ends the server-side session first: whatever happens at the provider, this browser is signed out here.
            await context.RequestServices.GetRequiredService<SessionTerminator>().EndCurrentAsync(context, SessionEndReason.SignedOut);
            if (provider is null || !context.RequestServices.GetRequiredService<OidcProviderCatalog>().TryGet(provider, out _))
            {
                return Results.LocalRedirect(target);
            }

            var properties = new AuthenticationProperties { RedirectUri = target };
            if (idToken is not null)
            {
                properties.SetParameter("id_token_hint", idToken);
            }

            return Results.SignOut(properties, [provider]);
        });
        return endpoints;
    }
}

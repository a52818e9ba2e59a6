using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Accounts;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// Test-only: <c>POST /test/sign-in</c> builds the principal and tokens a provider sign-in would have produced and
/// hands them to <see cref="ReaderSignIn"/>, the very class the relying party's events call after a real sign-in
/// (roles, plans, the end of the browser's previous session, a new server-side session). Lets tests skip the
/// provider dance (which the Oidc and e2e suites cover) while exercising everything after it. Registered only by
/// test factories.
/// </summary>
public sealed class TestSignIn : IStartupFilter
{
    public const string Path = "/test/sign-in";

    /// <summary>
    /// Answers the reader's provider access token as <see cref="IReaderAccessTokens"/> hands it out; with
    /// <c>?then=whoami</c>, also who the request's reader is afterwards.
    /// </summary>
    public const string AccessTokenPath = "/test/access-token";

    /// <summary>Starts a silent re-authentication (<c>prompt=none</c>) at <c>?provider=</c>, back to <c>?returnUrl=</c>.</summary>
    public const string SilentPath = "/test/silent-sign-in";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path == AccessTokenPath)
            {
                // This runs before the app's pipeline: authenticate as UseAuthentication would, so what follows sees the reader.
                if (await context.AuthenticateAsync() is { Succeeded: true } signedIn)
                {
                    context.User = signedIn.Principal;
                }

                var token = await context.RequestServices.GetRequiredService<IReaderAccessTokens>().GetAccessTokenAsync(context);
                var who = context.Request.Query["then"] == "whoami"
                    ? " as " + (context.RequestServices.GetRequiredService<ReaderAccessor>().Current is { IsSignedIn: true } r ? r.Subject : "anonymous")
                    : "";
                await context.Response.WriteAsync((token ?? "(none)") + who);
                return;
            }

            if (context.Request.Path == SilentPath)
            {
                await context.ChallengeAsync(context.Request.Query["provider"].ToString(),
                    new OidcChallengeProperties { Prompt = "none", RedirectUri = context.Request.Query["returnUrl"].ToString() });
                return;
            }

            if (context.Request.Path != Path || !HttpMethods.IsPost(context.Request.Method))
            {
                await nextMiddleware(context);
                return;
            }

            var form = await context.Request.ReadFormAsync();
            var provider = form["provider"].ToString();
            var identity = new ClaimsIdentity(provider, OidcClaimTypes.Name, OidcClaimTypes.Role);
            if (form[OidcClaimTypes.Issuer].ToString().Length == 0)
            {
                identity.AddClaim(new Claim(OidcClaimTypes.Issuer, $"https://{provider}.example"));
            }

            identity.AddClaim(new Claim(OidcClaimTypes.Provider, provider));
            foreach (var type in new[] { OidcClaimTypes.Subject, OidcClaimTypes.Issuer, OidcClaimTypes.SessionId, OidcClaimTypes.Name, OidcClaimTypes.Email, OidcClaimTypes.EmailVerified })
            {
                if (form[type].ToString() is { Length: > 0 } value)
                {
                    identity.AddClaim(new Claim(type, value));
                }
            }

            foreach (var plan in form[OidcClaimTypes.Plan])
            {
                identity.AddClaim(new Claim(OidcClaimTypes.Plan, plan!));
            }

            var properties = new AuthenticationProperties();
            properties.StoreTokens(new[] { "access_token", "refresh_token", "id_token", "expires_at" }
                .Where(name => form[name].ToString().Length > 0)
                .Select(name => new AuthenticationToken { Name = name, Value = form[name].ToString() })
                .ToList());
            await context.RequestServices.GetRequiredService<ReaderSignIn>().SignInAsync(context, new ClaimsPrincipal(identity), properties);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        next(app);
    };
}

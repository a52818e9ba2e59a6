using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.Providers;
using PublisherPortal.Sessions;
using PublisherPortal.Staff;

namespace PublisherPortal.Accounts;

/// <summary>
/// Everything that follows a provider's proof of who the reader is, in order: staff roles settings name (the staff
/// role itself is read per request, never stored in the session), the plans (read where the
/// reader's provider keeps them) as a snapshot in the identity, the end of any session this browser held, and a new
/// server-side session. The relying party's events call it; so do tests that sign readers in without a provider.
/// </summary>
public sealed class ReaderSignIn(
    StaffBootstrap staff, SubscriptionProviders providers, EntitlementResolver entitlements, SessionTerminator sessions)
{
    public async Task SignInAsync(HttpContext context, ClaimsPrincipal principal, AuthenticationProperties properties)
    {
        if (principal.Identity is not ClaimsIdentity identity || providers.Find(identity.FindFirst(OidcClaimTypes.Provider)?.Value) is not { } provider)
        {
            throw new InvalidOperationException("A reader signs in through a configured provider: the principal names none.");
        }

        await staff.ApplyAsync(principal, context.RequestAborted);
        var read = await provider.Behaviour.ReadPlansAsync(identity, provider.Info, properties.GetTokenValue("access_token"), context.RequestAborted);
        // The plan snapshot (keys, time, source) goes into the session; the tier is derived per request.
        await entitlements.SignInAsync(identity, provider.Key, read, context.RequestAborted);

        await sessions.EndBeforeSignInAsync(context);
        properties.Items[DatabaseTicketStore.NewSignInItem] = "1";
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
    }
}

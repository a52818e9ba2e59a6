using Microsoft.AspNetCore.Authentication;

namespace PublisherPortal.Oidc;

/// <summary>
/// Hooks into the sign-in and sign-out journeys. Unless the app's <c>OnRemoteFailure</c> handles a
/// failure, the reader is redirected to <see cref="OidcProviderOptions.ErrorPath"/>.
/// </summary>
public class OidcEvents : RemoteAuthenticationEvents
{
    /// <summary>Before the browser is sent to the authorization endpoint; the message can be changed.</summary>
    public Func<OidcRedirectContext, Task> OnRedirectToIdentityProvider { get; set; } = _ => Task.CompletedTask;

    /// <summary>After the ID token (and userinfo) passed every check; the principal can be changed.</summary>
    public Func<OidcTokenValidatedContext, Task> OnTokenValidated { get; set; } = _ => Task.CompletedTask;

    /// <summary>After a userinfo response whose <c>sub</c> matched the ID token.</summary>
    public Func<OidcUserInformationReceivedContext, Task> OnUserInformationReceived { get; set; } = _ => Task.CompletedTask;

    /// <summary>Before the browser is sent to the end-session endpoint.</summary>
    public Func<OidcRedirectContext, Task> OnRedirectToIdentityProviderForSignOut { get; set; } = _ => Task.CompletedTask;

    public virtual Task RedirectToIdentityProvider(OidcRedirectContext context) => OnRedirectToIdentityProvider(context);

    public virtual Task TokenValidated(OidcTokenValidatedContext context) => OnTokenValidated(context);

    public virtual Task UserInformationReceived(OidcUserInformationReceivedContext context) => OnUserInformationReceived(context);

    public virtual Task RedirectToIdentityProviderForSignOut(OidcRedirectContext context) => OnRedirectToIdentityProviderForSignOut(context);

    /// <summary>Runs the app's handler first; when it neither handled nor skipped the failure, the
    /// reader goes to the error page instead of seeing an unhandled exception.</summary>
    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        await base.RemoteFailure(context);
        if (context.Result is null)
        {
            OidcFailureRedirect.Apply(context);
        }
    }
}

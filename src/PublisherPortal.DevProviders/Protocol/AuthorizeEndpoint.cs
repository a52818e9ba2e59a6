using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using PublisherPortal.DevProviders.Diagnostics;
using PublisherPortal.DevProviders.Pages;
using PublisherPortal.DevProviders.Readers;
using PublisherPortal.DevProviders.Sessions;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// The authorization endpoint (OIDC Core §3.1.2) and the sign-in page behind it.
/// Order matters and follows the providers' documents: a bad client_id or redirect_uri is shown to the person
/// and never redirected; every other error goes back to the redirect URI with error, error_description and state.
/// </summary>
internal sealed class AuthorizeEndpoint(
    GrantStore grants,
    StandInSessionStore sessions,
    ReaderDirectory readers,
    TimeProvider time,
    ILogger<AuthorizeEndpoint> logger)
{
    public const string SignInPath = "/sign-in";

    public async Task AuthorizeAsync(HttpContext context, StandInProvider provider)
    {
        var query = context.Request.Query;
        if (!TrySingle(query, "client_id", out var clientId) || clientId != provider.Client.ClientId)
        {
            logger.AuthorizeRefused(provider.Key, "unknown_client", "client_id missing, repeated or not registered");
            await StandInPage.ErrorAsync(context, provider, "Unknown application",
                $"The client_id is missing or not registered at this {provider.DisplayName} stand-in (expected {provider.Client.ClientId}). The real provider does not redirect back in this case either.");
            return;
        }

        if (!TrySingle(query, "redirect_uri", out var redirectUri) || !RedirectUriMatcher.Matches(provider, redirectUri!))
        {
            logger.AuthorizeRefused(provider.Key, "invalid_redirect_uri", "redirect_uri missing, repeated or not registered");
            await StandInPage.ErrorAsync(context, provider, "Redirect URI not registered",
                $"The redirect_uri is missing or does not match the one registered for {clientId} ({provider.Client.RedirectUri}). The real provider does not redirect back in this case either.");
            return;
        }

        TrySingle(query, "state", out var state);
        var error = Validate(provider, query, out var scopes, out var prompts);
        if (error is not null)
        {
            Refuse(context, provider, redirectUri!, state, error.Value.Error, error.Value.Description);
            return;
        }

        TrySingle(query, "nonce", out var nonce);
        TrySingle(query, "code_challenge", out var challenge);
        var request = new AuthorizationRequest(
            provider.Key, clientId!, redirectUri!, scopes, state, nonce,
            provider.RequiresPkce ? challenge : null, time.GetUtcNow().AddMinutes(10));

        var session = sessions.Current(context, provider.Key);
        if (prompts.Contains("none"))
        {
            // Silent re-authentication: a code when still signed in, login_required when not (Pliro, "Silent re-authentication").
            if (session is null)
            {
                Refuse(context, provider, redirectUri!, state, "login_required", "The reader is not signed in at the provider.");
                return;
            }

            IssueCode(context, provider, request, session);
            return;
        }

        if (session is not null && !prompts.Contains("login") && !prompts.Contains("consent"))
        {
            // Single sign-on, as the real providers do when their session is alive.
            IssueCode(context, provider, request, session);
            return;
        }

        var pending = grants.AddRequest(request);
        var body = (session is null ? "" : "<p class=\"muted\">A new sign-in was requested (prompt=login), so choose again.</p>")
            + $"<p>Application <code>{StandInPage.E(clientId)}</code> asks you to sign in with {StandInPage.E(provider.DisplayName)}.</p>"
            + StandInPage.ReaderChooser(context, provider, readers, provider.BasePath + SignInPath, [("request", pending)]);
        await StandInPage.WriteAsync(context, provider, $"Sign in with {provider.DisplayName}", body);
    }

    /// <summary>The reader picked on the sign-in page: start the stand-in session and send the code.</summary>
    public async Task SignInAsync(HttpContext context, StandInProvider provider)
    {
        var form = await StandInPage.ReadVerifiedFormAsync(context);
        if (form is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Sign-in form expired", "The form could not be verified. Go back to the site and sign in again.");
            return;
        }

        var request = grants.TakeRequest(form["request"].ToString());
        if (request is null || request.Provider != provider.Key || request.ExpiresAt <= time.GetUtcNow())
        {
            await StandInPage.ErrorAsync(context, provider, "Sign-in request expired", "This sign-in page was already used or is too old. Go back to the site and sign in again.");
            return;
        }

        var reader = readers.Find(provider.Key, form["reader"].ToString());
        if (reader is null)
        {
            await StandInPage.ErrorAsync(context, provider, "Unknown test reader", "Choose one of the listed test readers.");
            return;
        }

        var session = sessions.SignIn(context, provider.Key, reader.Id);
        logger.ReaderSignedIn(provider.Key, reader.Id);
        IssueCode(context, provider, request, session);
    }

    private void IssueCode(HttpContext context, StandInProvider provider, AuthorizationRequest request, StandInSession session)
    {
        session.ClientIds[request.ClientId] = true;
        var code = grants.AddCode(new AuthorizationCodeGrant(
            request, session.ReaderId, session.Sid, session.AuthTime, time.GetUtcNow() + provider.CodeLifetime));
        ProtocolResponses.RedirectWith(context, request.RedirectUri, [new("code", code), new("state", request.State)]);
    }

    private void Refuse(HttpContext context, StandInProvider provider, string redirectUri, string? state, string error, string description)
    {
        logger.AuthorizeRefused(provider.Key, error, description);
        ProtocolResponses.RedirectWith(context, redirectUri, [new("error", error), new("error_description", description), new("state", state)]);
    }

    private static (string Error, string Description)? Validate(StandInProvider provider, IQueryCollection query, out IReadOnlyList<string> scopes, out IReadOnlySet<string> prompts)
    {
        scopes = [];
        prompts = new HashSet<string>();
        foreach (var name in new[] { "response_type", "scope", "state", "nonce", "prompt", "code_challenge", "code_challenge_method" })
        {
            if (query[name].Count > 1)
            {
                return ("invalid_request", $"The {name} parameter is repeated.");
            }
        }

        var responseType = query["response_type"].ToString();
        if (responseType.Length == 0)
        {
            return ("invalid_request", "response_type is required.");
        }

        if (responseType != "code")
        {
            return ("unsupported_response_type", "Only response_type=code is supported.");
        }

        var requested = query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var hasOpenId = requested.Contains("openid", StringComparer.Ordinal);
        if (provider.RequiresOpenIdScope && !hasOpenId)
        {
            return ("invalid_scope", "The scope must include openid.");
        }

        if (provider.SupportedScopes is { } supported && requested.FirstOrDefault(s => !supported.Contains(s)) is { } unknown)
        {
            return ("invalid_scope", $"The scope {unknown} is not supported.");
        }

        scopes = requested;

        if (provider.RequiresNonceWithOpenId && hasOpenId && string.IsNullOrEmpty(query["nonce"].ToString()))
        {
            // docs/providers/pipa.md: "nonce (optional, unless specify openid scope)".
            return ("invalid_request", "nonce is required when the scope includes openid.");
        }

        if (provider.RequiresPkce)
        {
            // docs/providers/subrite.md, PKCE: code_challenge_method "Yes | S256", code_challenge "Yes".
            if (query["code_challenge_method"].ToString() != "S256")
            {
                return ("invalid_request", "PKCE is required: code_challenge_method must be S256.");
            }

            if (!Pkce.WellFormed().IsMatch(query["code_challenge"].ToString()))
            {
                return ("invalid_request", "PKCE is required: code_challenge is missing or malformed.");
            }
        }

        var values = query["prompt"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (provider.StrictPromptValues && (values.Length > 1 || values.Any(v => !provider.SupportedPrompts.Contains(v))))
        {
            return ("invalid_request", "prompt takes one value: none, login or consent.");
        }

        var known = values.Where(provider.SupportedPrompts.Contains).ToHashSet(StringComparer.Ordinal);
        if (known.Contains("none") && values.Length > 1)
        {
            // OIDC Core §3.1.2.1: none with any other value is an error.
            return ("invalid_request", "prompt=none cannot be combined with other values.");
        }

        prompts = known;
        return null;
    }

    private static bool TrySingle(IQueryCollection query, string name, out string? value)
    {
        StringValues values = query[name];
        value = values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
        return value is not null;
    }
}

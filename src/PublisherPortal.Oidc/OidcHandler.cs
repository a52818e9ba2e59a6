using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PublisherPortal.Oidc;

/// <summary>
/// The relying party for one provider: authorization-code flow (OIDC Core 1.0 §3.1) with PKCE, protected
/// state bound to a correlation cookie, RFC 9207 issuer identification and RP-initiated logout.
/// </summary>
internal sealed class OidcHandler : RemoteAuthenticationHandler<OidcProviderOptions>, IAuthenticationSignOutHandler
{
    // Items kept inside the protected state: the browser carries them but can neither read nor alter them.
    private const string CorrelationItem = ".xsrf";
    private const string NonceItem = ".nonce";
    private const string CodeVerifierItem = ".code_verifier";
    private const string RedirectUriItem = ".redirect_uri";
    private const string JourneyStartItem = ".journey_start";
    private const string MaxAgeItem = ".max_age";

    private readonly OidcConfigurationSource _configurations;
    private readonly IOidcReplayStore _replayStore;

    public OidcHandler(IOptionsMonitor<OidcProviderOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        OidcConfigurationSource configurations, IOidcReplayStore replayStore)
        : base(options, logger, encoder)
    {
        _configurations = configurations;
        _replayStore = replayStore;
    }

    private new OidcEvents Events => (OidcEvents)base.Events;

    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new OidcEvents());

    public override async Task<bool> HandleRequestAsync()
    {
        if (Options.SignedOutCallbackPath.HasValue && Options.SignedOutCallbackPath == Request.Path)
        {
            HandleSignOutCallback();
            return true;
        }
        return await base.HandleRequestAsync();
    }

    // ---- Authorization request (OIDC Core §3.1.2.1) ----

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var configuration = await TryGetConfigurationAsync();
        if (configuration is null || string.IsNullOrEmpty(configuration.AuthorizationEndpoint))
        {
            RedirectToErrorPage(OidcErrorCodes.ProviderConfiguration);
            return;
        }

        // After the callback the base handler redirects to RedirectUri: only ever to a page of this site.
        properties.RedirectUri = SafeLocalTarget(string.IsNullOrEmpty(properties.RedirectUri)
            ? OriginalPathBase + OriginalPath + Request.QueryString
            : properties.RedirectUri) ?? "/";

        var message = new OpenIdConnectMessage
        {
            EnableTelemetryParameters = false,
            IssuerAddress = configuration.AuthorizationEndpoint,
        };
        // Extra parameters first, so that none of them can replace a protocol parameter set below.
        foreach (var (name, value) in Options.AuthorizeParameters)
        {
            message.SetParameter(name, value);
        }
        message.ClientId = Options.ClientId;
        message.ResponseType = OpenIdConnectResponseType.Code;
        message.Scope = string.Join(' ', Options.Scopes);
        message.RedirectUri = CallbackUri(Options.CallbackPath);
        properties.Items[RedirectUriItem] = message.RedirectUri;
        if (Options.ResponseMode == OidcResponseMode.FormPost)
        {
            message.ResponseMode = OpenIdConnectResponseMode.FormPost;
        }

        var nonce = ProtocolRandom.NewValue();
        properties.Items[NonceItem] = nonce;
        message.Nonce = nonce;

        if (Options.UsePkce)
        {
            var verifier = ProtocolRandom.NewValue();
            properties.Items[CodeVerifierItem] = verifier;
            message.SetParameter("code_challenge", ProtocolRandom.S256Challenge(verifier));
            message.SetParameter("code_challenge_method", "S256");
        }

        // The journey's start is the yardstick for auth_time when a fresh login is asked (PixelPin's warning).
        properties.Items[JourneyStartItem] = TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var prompt = ChallengeValue(properties, OidcChallengeProperties.PromptKey) ?? Options.Prompt;
        if (!string.IsNullOrEmpty(prompt))
        {
            message.Prompt = prompt;
            properties.Items[OidcChallengeProperties.PromptItem] = prompt;
        }
        var maxAge = ChallengeMaxAge(properties) ?? Options.MaxAge;
        if (maxAge is { } age)
        {
            var seconds = ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            message.MaxAge = seconds;
            properties.Items[MaxAgeItem] = seconds;
        }

        GenerateCorrelationId(properties);

        var context = new OidcRedirectContext(Context, Scheme, Options, properties, message);
        await Events.RedirectToIdentityProvider(context);
        if (context.Handled)
        {
            return;
        }
        message = context.ProtocolMessage;
        message.State = Options.StateDataFormat.Protect(properties);

        Logger.RedirectingToProvider(Scheme.Name);
        Response.Redirect(message.CreateAuthenticationRequestUrl());
    }

    // ---- Authorization response and token request (OIDC Core §3.1.2.5 – §3.1.3) ----

    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        var message = await ReadAuthorizationResponseAsync();
        if (message is null)
        {
            return Fail(null, "invalid_request", "The provider's response could not be read.");
        }

        var providerError = string.IsNullOrEmpty(message.Error) ? null : message;
        var properties = string.IsNullOrEmpty(message.State) ? null : Options.StateDataFormat.Unprotect(message.State);
        if (properties is null)
        {
            // Without our state nothing in the response can be trusted; a provider error is still reported.
            return providerError is not null
                ? ProviderFailure(null, providerError)
                : Fail(null, OidcErrorCodes.InvalidState, "The sign-in response did not belong to a sign-in we started. Please try again.");
        }

        if (!ValidateCorrelationId(properties))
        {
            return Fail(properties, OidcErrorCodes.CorrelationFailed, "The sign-in was started in another browser or has expired. Please try again.");
        }
        if (!properties.Items.TryGetValue(NonceItem, out var nonce) || nonce is null
            || !properties.Items.TryGetValue(JourneyStartItem, out var startText)
            || !long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var startMs))
        {
            return Fail(properties, OidcErrorCodes.InvalidState, "The sign-in response did not belong to a sign-in we started. Please try again.");
        }
        var journeyStart = DateTimeOffset.FromUnixTimeMilliseconds(startMs);
        if (TimeProvider.GetUtcNow() - journeyStart > Options.RemoteAuthenticationTimeout)
        {
            return Fail(properties, OidcErrorCodes.InvalidState, "The sign-in took too long. Please try again.");
        }
        // The correlation cookie is deleted after the first callback, but a copied one could be replayed: the state is
        // single-use on every instance until it could no longer be accepted anyway.
        var stateExpiry = journeyStart + Options.RemoteAuthenticationTimeout + Options.ClockSkew;
        if (!await _replayStore.TryConsumeAsync($"state:{Scheme.Name}:{nonce}", stateExpiry, Context.RequestAborted))
        {
            return Fail(properties, OidcErrorCodes.StateReplayed, "This sign-in response was already used. Please sign in again.");
        }

        var configuration = await TryGetConfigurationAsync();
        if (configuration is null)
        {
            return Fail(properties, OidcErrorCodes.ProviderConfiguration, "The sign-in provider is not available right now. Please try again later.");
        }

        // RFC 9207 §2.4: a response naming another issuer came from another provider (mix-up attack).
        var iss = message.GetParameter("iss");
        if (!string.IsNullOrEmpty(iss) && !string.Equals(iss, configuration.Issuer, StringComparison.Ordinal))
        {
            return Fail(properties, OidcErrorCodes.IssuerMismatch, "The sign-in response came from a different provider than the one asked.");
        }
        if (string.IsNullOrEmpty(iss) && configuration.AuthorizationResponseIssParameterSupported)
        {
            return Fail(properties, OidcErrorCodes.IssuerMissing, "The sign-in response did not say which provider sent it.");
        }

        if (providerError is not null)
        {
            return ProviderFailure(properties, providerError);
        }
        if (string.IsNullOrEmpty(message.Code))
        {
            return Fail(properties, OidcErrorCodes.MissingCode, "The provider's response carried no sign-in code.");
        }
        if (string.IsNullOrEmpty(configuration.TokenEndpoint))
        {
            return Fail(properties, OidcErrorCodes.ProviderConfiguration, "The provider has no token endpoint configured.");
        }

        try
        {
            var tokens = await TokenEndpointClient.RedeemCodeAsync(Options, configuration.TokenEndpoint, message.Code,
                properties.Items[RedirectUriItem] ?? CallbackUri(Options.CallbackPath),
                properties.Items.TryGetValue(CodeVerifierItem, out var verifier) ? verifier : null,
                Logger, Context.RequestAborted);

            var validator = new IdTokenValidator(Options, TimeProvider, Logger, ct => _configurations.RefreshAsync(Scheme.Name, ct));
            var expectations = new IdTokenExpectations(
                nonce,
                tokens.AccessToken,
                journeyStart,
                PromptLogin: properties.Items.TryGetValue(OidcChallengeProperties.PromptItem, out var prompt) && prompt == OpenIdConnectPrompt.Login,
                MaxAge: properties.Items.TryGetValue(MaxAgeItem, out var maxAge) && long.TryParse(maxAge, CultureInfo.InvariantCulture, out var maxAgeSeconds)
                    ? TimeSpan.FromSeconds(maxAgeSeconds) : null);
            var idToken = string.IsNullOrEmpty(tokens.IdToken)
                ? null
                : await validator.ValidateAsync(tokens.IdToken, configuration, expectations, Context.RequestAborted);
            if (idToken is null)
            {
                RefuseSignInWithoutIdToken(expectations, configuration);
            }

            JsonElement? user = null;
            var subject = idToken?.Subject;
            if ((idToken is null || Options.CallUserInfo) && !string.IsNullOrEmpty(configuration.UserInfoEndpoint))
            {
                var answer = await UserInfoClient.GetAsync(Options, configuration.UserInfoEndpoint, tokens.AccessToken, idToken?.Subject, Logger, Context.RequestAborted);
                if (answer.Status != OidcUserInfoStatus.Succeeded)
                {
                    throw new OidcAuthenticationException(Scheme.Name, OidcErrorCodes.InvalidUserInfo, answer.Problem!);
                }
                user = answer.User;
                subject = answer.Subject;
            }

            var payload = idToken is null ? (JsonElement?)null : OidcPrincipalFactory.Payload(idToken);
            var principal = new ClaimsPrincipal(OidcPrincipalFactory.Create(Options, ClaimsIssuer, Options.Issuer!, subject!, payload, user));
            if (user is { } profile)
            {
                var userContext = new OidcUserInformationReceivedContext(Context, Scheme, Options, principal, properties, profile);
                await Events.UserInformationReceived(userContext);
                if (userContext.Result is { } userResult)
                {
                    return Checked(userResult, properties);
                }
                principal = userContext.Principal ?? principal;
            }

            if (Options.SaveTokens)
            {
                properties.StoreTokens(TokensToStore(tokens));
            }

            var validated = new OidcTokenValidatedContext(Context, Scheme, Options, principal, properties, idToken, tokens);
            await Events.TokenValidated(validated);
            if (validated.Result is { } validatedResult)
            {
                return Checked(validatedResult, properties);
            }
            if (validated.Principal is null)
            {
                return Fail(properties, OidcErrorCodes.Refused, "The sign-in was refused.");
            }

            return HandleRequestResult.Success(new AuthenticationTicket(validated.Principal, validated.Properties ?? properties, Scheme.Name));
        }
        catch (OidcAuthenticationException e)
        {
            Logger.SignInFailed(Scheme.Name, OidcFailureRedirect.SafeCode(e.Error), OidcFailureRedirect.SafeText(e.ErrorDescription));
            return HandleRequestResult.Fail(e, properties);
        }
    }

    /// <summary>
    /// A token response without an ID token is accepted only from a Type whose documents answer that way (PixelPin:
    /// identity from userinfo), and never when this sign-in must prove a fresh login: only an ID token's
    /// <c>auth_time</c> can.
    /// </summary>
    private void RefuseSignInWithoutIdToken(IdTokenExpectations expectations, OpenIdConnectConfiguration configuration)
    {
        if (!OidcProviderProfiles.IdentityFromUserInfo(Options.Type))
        {
            throw new OidcAuthenticationException(Scheme.Name, OidcErrorCodes.InvalidTokenResponse, "The provider's token response carried no ID token.");
        }
        if (expectations.PromptLogin || expectations.MaxAge is not null)
        {
            throw new OidcAuthenticationException(Scheme.Name, OidcErrorCodes.InvalidTokenResponse,
                "The provider sent no ID token, so a fresh sign-in (auth_time) cannot be confirmed.");
        }
        if (string.IsNullOrEmpty(configuration.UserInfoEndpoint))
        {
            throw new OidcAuthenticationException(Scheme.Name, OidcErrorCodes.ProviderConfiguration,
                "The provider sent no ID token and has no userinfo endpoint to say who signed in.");
        }
    }

    /// <summary>An event's decision; a failure it raised becomes ours, so the error page still names provider and reason.</summary>
    private HandleRequestResult Checked(AuthenticateResult result, AuthenticationProperties properties)
    {
        if (result.Succeeded)
        {
            return HandleRequestResult.Success(result.Ticket);
        }
        return result.Failure switch
        {
            OidcAuthenticationException known => HandleRequestResult.Fail(known, properties),
            { } other => Fail(properties, OidcErrorCodes.Refused, other.Message),
            _ => Fail(properties, OidcErrorCodes.Refused, "The sign-in was refused."),
        };
    }

    private async Task<OpenIdConnectMessage?> ReadAuthorizationResponseAsync()
    {
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters;
        if (HttpMethods.IsGet(Request.Method))
        {
            parameters = Request.Query;
        }
        else if (HttpMethods.IsPost(Request.Method) && Request.HasFormContentType)
        {
            parameters = await Request.ReadFormAsync(Context.RequestAborted);
        }
        else
        {
            return null;
        }

        var list = parameters.ToList();
        // RFC 6749 §3.1: a parameter sent twice is an error, and a way to smuggle a second value past us.
        if (list.Any(p => p.Value.Count > 1))
        {
            return null;
        }
        return new OpenIdConnectMessage(list.Select(p => new KeyValuePair<string, string[]>(p.Key, [p.Value.ToString()])))
        {
            EnableTelemetryParameters = false,
        };
    }

    private IEnumerable<AuthenticationToken> TokensToStore(OpenIdConnectMessage tokens)
    {
        if (!string.IsNullOrEmpty(tokens.AccessToken)) yield return new AuthenticationToken { Name = "access_token", Value = tokens.AccessToken };
        if (!string.IsNullOrEmpty(tokens.RefreshToken)) yield return new AuthenticationToken { Name = "refresh_token", Value = tokens.RefreshToken };
        if (!string.IsNullOrEmpty(tokens.IdToken)) yield return new AuthenticationToken { Name = "id_token", Value = tokens.IdToken };
        if (!string.IsNullOrEmpty(tokens.TokenType)) yield return new AuthenticationToken { Name = "token_type", Value = tokens.TokenType };
        if (int.TryParse(tokens.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            yield return new AuthenticationToken
            {
                Name = "expires_at",
                Value = TimeProvider.GetUtcNow().AddSeconds(seconds).ToString("o", CultureInfo.InvariantCulture),
            };
        }
    }

    // ---- RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) ----

    public async Task SignOutAsync(AuthenticationProperties? properties)
    {
        properties ??= new AuthenticationProperties();
        var target = SafeLocalTarget(properties.RedirectUri) ?? Options.SignedOutRedirectUri;

        var configuration = await TryGetConfigurationAsync();
        if (string.IsNullOrEmpty(configuration?.EndSessionEndpoint))
        {
            // PixelPin and PiPA document no end-session endpoint: the reader is signed out here only, never shown an error.
            Logger.EndSessionUnavailable(Scheme.Name, configuration is null ? "its configuration could not be loaded" : "it has no end-session endpoint");
            Response.Redirect(target);
            return;
        }

        var message = new OpenIdConnectMessage
        {
            EnableTelemetryParameters = false,
            IssuerAddress = configuration.EndSessionEndpoint,
            ClientId = Options.ClientId,
            PostLogoutRedirectUri = CallbackUri(Options.SignedOutCallbackPath),
        };
        // The hint lets the provider end the session without asking (Pliro); taken from the caller or the
        // tokens the SignInScheme kept, as the official handler does.
        message.IdTokenHint = properties.GetParameter<string>(OpenIdConnectParameterNames.IdTokenHint)
            ?? (properties.Items.TryGetValue(OpenIdConnectParameterNames.IdTokenHint, out var hint) ? hint : null)
            ?? properties.GetTokenValue(OpenIdConnectParameterNames.IdToken)
            ?? await Context.GetTokenAsync(Options.SignInScheme, OpenIdConnectParameterNames.IdToken);
        message.State = new SignOutReturn(Context, Options, Scheme.Name, TimeProvider).Remember(target);

        var context = new OidcRedirectContext(Context, Scheme, Options, properties, message);
        await Events.RedirectToIdentityProviderForSignOut(context);
        if (context.Handled)
        {
            return;
        }
        Logger.RedirectingToEndSession(Scheme.Name);
        Response.Redirect(context.ProtocolMessage.CreateLogoutRequestUrl());
    }

    private void HandleSignOutCallback()
    {
        var state = Request.Query[OpenIdConnectParameterNames.State].ToString();
        var remembered = new SignOutReturn(Context, Options, Scheme.Name, TimeProvider).Recall(state);
        // Even a state we protected ourselves is checked again: one rule for every redirect (LocalUrl).
        var target = SafeLocalTarget(remembered);
        if (target is null)
        {
            Logger.SignOutCallbackWithoutState(Scheme.Name);
        }
        Response.Redirect(target ?? LocalUrl.OrHome(Options.SignedOutRedirectUri));
    }

    // ---- Correlation cookie (binds state to this browser) ----

    protected override void GenerateCorrelationId(AuthenticationProperties properties) =>
        properties.Items[CorrelationItem] = new CorrelationCookies(Context, Options, Scheme.Name, TimeProvider).Issue();

    protected override bool ValidateCorrelationId(AuthenticationProperties properties)
    {
        if (!properties.Items.TryGetValue(CorrelationItem, out var correlationId) || string.IsNullOrEmpty(correlationId))
        {
            return false;
        }
        properties.Items.Remove(CorrelationItem);
        return new CorrelationCookies(Context, Options, Scheme.Name, TimeProvider).Consume(correlationId);
    }

    // ---- Helpers ----

    private async Task<OpenIdConnectConfiguration?> TryGetConfigurationAsync()
    {
        try
        {
            return await _configurations.GetAsync(Scheme.Name, Context.RequestAborted);
        }
        catch (OidcConfigurationException e)
        {
            Logger.ConfigurationUnavailable(Scheme.Name, e);
            return null;
        }
    }

    private string CallbackUri(PathString path) =>
        Options.BaseUrl is { } baseUrl ? baseUrl + path : BuildRedirectUri(path);

    private string? SafeLocalTarget(string? uri)
    {
        // An absolute URL on the site's own base URL is as local as its path; anything else must be a local path.
        if (Options.BaseUrl is { } baseUrl && uri is not null && uri.StartsWith(baseUrl + "/", StringComparison.OrdinalIgnoreCase))
        {
            var path = uri[baseUrl.Length..];
            return LocalUrl.IsLocal(path) ? baseUrl + LocalUrl.OrHome(path) : null;
        }

        return LocalUrl.IsLocal(uri) ? LocalUrl.OrHome(uri) : null;
    }

    private static string? ChallengeValue(AuthenticationProperties properties, string key) =>
        properties.GetParameter<string>(key) ?? (properties.Items.TryGetValue(key, out var value) ? value : null);

    private static TimeSpan? ChallengeMaxAge(AuthenticationProperties properties)
    {
        if (properties.GetParameter<TimeSpan?>(OidcChallengeProperties.MaxAgeKey) is { } span) return span;
        return properties.Items.TryGetValue(OidcChallengeProperties.MaxAgeKey, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds) : null;
    }

    private HandleRequestResult ProviderFailure(AuthenticationProperties? properties, OpenIdConnectMessage message)
    {
        // OIDC Core §3.1.2.6: keep the provider's code. Its error_description arrives through the browser, so anyone
        // can write it: it is logged (made inert) for support, never shown to the reader as the provider's words.
        Logger.ProviderAnsweredError(Scheme.Name, OidcFailureRedirect.SafeCode(message.Error), OidcFailureRedirect.SafeText(message.ErrorDescription ?? ""));
        // The code too arrives through the browser: only a well-formed one travels on (into logs, metrics and the error page).
        return HandleRequestResult.Fail(new OidcAuthenticationException(Scheme.Name, OidcFailureRedirect.SafeCode(message.Error),
            $"{Options.DisplayName ?? Scheme.Name} did not complete the sign-in.", message.ErrorUri), properties);
    }

    private HandleRequestResult Fail(AuthenticationProperties? properties, string error, string description, string? errorUri = null)
    {
        Logger.SignInFailed(Scheme.Name, OidcFailureRedirect.SafeCode(error), OidcFailureRedirect.SafeText(description));
        return HandleRequestResult.Fail(new OidcAuthenticationException(Scheme.Name, error, description, errorUri), properties);
    }

    private void RedirectToErrorPage(string error) => Response.Redirect(OriginalPathBase + LocalUrl.OrHome(OidcFailureRedirect.Url(Options, Scheme.Name, error)));
}

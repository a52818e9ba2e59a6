using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PublisherPortal.Oidc.Tests.Fakes;

/// <summary>
/// An in-process OpenID provider that behaves correctly until a test twists one of its
/// <see cref="ProviderBehaviour"/> knobs. It also checks the client: redirect_uri, PKCE, client
/// authentication, single-use codes. Served by a TestServer; reached by its issuer URL.
/// </summary>
public sealed class HostileProvider : IAsyncDisposable
{
    public const string ClientId = "portal-client";
    public const string ClientSecret = "s3cret:with/odd chars";
    public const string Subject = "cus_123";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly List<ProviderKey> _published = [];

    private HostileProvider(string issuer, WebApplication app)
    {
        Issuer = issuer;
        _app = app;
        CurrentKey = ProviderKey.Rsa("key-1");
        _published.Add(CurrentKey);
    }

    public string Issuer { get; }
    public ProviderBehaviour Behaviour { get; } = new();
    public ProviderKey CurrentKey { get; private set; }
    public IReadOnlyList<ProviderKey> PublishedKeys => _published;
    public TestServer Server => _app.GetTestServer();

    // What the relying party sent, for assertions.
    public List<IQueryCollection> AuthorizeRequests { get; } = [];
    public List<TokenRequest> TokenRequests { get; } = [];
    public List<IQueryCollection> EndSessionRequests { get; } = [];
    /// <summary>Every path requested, as sent (before the /oauth layout is mapped onto the plain one).</summary>
    public ConcurrentQueue<string> RequestedPaths { get; } = new();
    /// <summary>The ID token the last code exchange issued: the original a later refresh is checked against.</summary>
    public string? LastIssuedIdToken { get; private set; }
    /// <summary>The ID token the last refresh answered with, if any.</summary>
    public string? LastRefreshIdToken { get; private set; }
    private Dictionary<string, object?>? _lastIdTokenClaims;
    private int _refreshes;

    public int DiscoveryHits;
    public int JwksHits;
    public int UserInfoHits;

    public sealed record TokenRequest(Dictionary<string, string> Form, string? Authorization, string? ClientAuthMethod);

    private sealed record Grant(string ClientId, string RedirectUri, string? Nonce, string? CodeChallenge)
    {
        public bool Used { get; set; }
    }

    public static async Task<HostileProvider> StartAsync(string issuer = "https://op.test")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new HostileProvider(issuer, app);
        provider.Map(app);
        await app.StartAsync();
        return provider;
    }

    /// <summary>Publishes a new key, stops publishing the old ones and signs with the new one.</summary>
    public void RotateKey(string kid)
    {
        CurrentKey = ProviderKey.Rsa(kid);
        _published.Clear();
        _published.Add(CurrentKey);
    }

    public void UseKeys(params ProviderKey[] keys)
    {
        _published.Clear();
        _published.AddRange(keys);
        CurrentKey = keys[0];
    }

    /// <summary>Signs with <paramref name="key"/> without publishing it (a key the operator configured by hand).</summary>
    public void SignWithUnpublished(ProviderKey key) => CurrentKey = key;

    public string AccessTokenFor(string code) => "at-" + code;

    private void Map(WebApplication app)
    {
        // Pliro's documented layout (/oauth/authorize, /oauth/token, /oauth/userinfo, /oauth/end_session) is served by
        // the same endpoints as the plain one.
        app.Use((context, next) =>
        {
            RequestedPaths.Enqueue(context.Request.Path.Value!);
            if (context.Request.Path.StartsWithSegments("/oauth", out var rest))
            {
                context.Request.Path = rest;
            }
            else if (context.Request.Path.StartsWithSegments("/api/oidc", out var subrite) && subrite != "/.well-known/openid-configuration")
            {
                // An issuer with a path (Subrite's endpoints live under /api/oidc); discovery stays at the root only.
                context.Request.Path = subrite;
            }
            return next(context);
        });
        app.UseRouting();

        app.MapGet("/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref DiscoveryHits);
            if (!Behaviour.PublishDiscovery)
            {
                return Results.NotFound();
            }
            var document = new Dictionary<string, object?>
            {
                ["issuer"] = Behaviour.DiscoveryIssuer ?? Issuer,
                ["authorization_endpoint"] = Issuer + "/authorize",
                ["token_endpoint"] = Issuer + "/token",
                ["userinfo_endpoint"] = Issuer + "/userinfo",
                ["jwks_uri"] = Issuer + "/jwks",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
                ["authorization_response_iss_parameter_supported"] = Behaviour.AdvertiseIssParameter,
            };
            if (Behaviour.PublishEndSession)
            {
                document["end_session_endpoint"] = Issuer + "/end_session";
            }
            return Results.Json(document);
        });

        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref JwksHits);
            return Results.Json(new { keys = _published.Select(k => k.ToJwk()).ToArray() });
        });

        app.MapGet("/authorize", (HttpRequest request) =>
        {
            AuthorizeRequests.Add(request.Query);
            var q = request.Query;
            var redirectUri = q["redirect_uri"].ToString();
            if (q["client_id"] != ClientId || string.IsNullOrEmpty(redirectUri) || q["response_type"] != "code")
            {
                // Like Pliro: bad client_id or redirect_uri gets no redirect at all.
                return Results.BadRequest("invalid client or redirect_uri");
            }

            var response = new Dictionary<string, string?> { ["state"] = Behaviour.StateOverride ?? q["state"].ToString() };
            if (Behaviour.SendIssParameter)
            {
                response["iss"] = Behaviour.IssParameterOverride ?? Issuer;
            }
            if (Behaviour.AuthorizeError is not null)
            {
                response["error"] = Behaviour.AuthorizeError;
                response["error_description"] = Behaviour.AuthorizeErrorDescription;
            }
            else
            {
                var code = Behaviour.CodeOverride ?? Guid.NewGuid().ToString("N");
                if (Behaviour.CodeOverride is null)
                {
                    var challenge = q["code_challenge"].ToString();
                    if (challenge.Length > 0 && q["code_challenge_method"] != "S256")
                    {
                        return Results.BadRequest("only S256");
                    }
                    _codes[code] = new Grant(ClientId, redirectUri, q["nonce"], challenge.Length > 0 ? challenge : null);
                }
                response["code"] = code;
            }

            if (q["response_mode"] == "form_post")
            {
                var inputs = string.Concat(response.Where(p => p.Value is not null).Select(p =>
                    $"<input type=\"hidden\" name=\"{p.Key}\" value=\"{System.Net.WebUtility.HtmlEncode(p.Value)}\"/>"));
                return Results.Content($"<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{System.Net.WebUtility.HtmlEncode(redirectUri)}\">{inputs}</form></body></html>", "text/html");
            }
            return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, response));
        });

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = (await request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString());
            var authorization = request.Headers.Authorization.ToString();
            var method = ClientAuthMethod(form, authorization);
            TokenRequests.Add(new TokenRequest(form, authorization.Length > 0 ? authorization : null, method));

            switch (Behaviour.TokenFailure)
            {
                case TokenEndpointFailure.ServerError:
                    return Results.Text("<html>Internal Server Error</html>", "text/html", statusCode: 500);
                case TokenEndpointFailure.NonJson:
                    return Results.Text("<html>Welcome to our maintenance page</html>", "text/html", statusCode: 200);
                case TokenEndpointFailure.InvalidClient:
                    return Results.Json(new { error = "invalid_client", error_description = "Client authentication failed." }, statusCode: 401);
            }

            if (method != Behaviour.ExpectedClientAuth)
            {
                return Results.Json(new { error = "invalid_client", error_description = $"Expected {Behaviour.ExpectedClientAuth}." }, statusCode: 401);
            }
            if (form.GetValueOrDefault("grant_type") == "refresh_token")
            {
                return Refresh(form);
            }
            if (form.GetValueOrDefault("grant_type") != "authorization_code"
                || !_codes.TryGetValue(form.GetValueOrDefault("code") ?? "", out var grant))
            {
                return Results.Json(new { error = "invalid_grant", error_description = "Unknown code." }, statusCode: 400);
            }
            lock (grant)
            {
                if (grant.Used)
                {
                    return Results.Json(new { error = "invalid_grant", error_description = "The code was already used." }, statusCode: 400);
                }
                grant.Used = true;
            }
            if (form.GetValueOrDefault("redirect_uri") != grant.RedirectUri)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "redirect_uri differs." }, statusCode: 400);
            }
            if (grant.CodeChallenge is not null)
            {
                // RFC 7636 §4.6: S256(code_verifier) must equal the challenge.
                var verifier = form.GetValueOrDefault("code_verifier") ?? "";
                var computed = WebEncoders.Base64UrlEncode(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
                if (computed != grant.CodeChallenge)
                {
                    return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed." }, statusCode: 400);
                }
            }

            var code = form["code"];
            var accessToken = AccessTokenFor(code);
            var response = new Dictionary<string, object?>
            {
                ["access_token"] = accessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
            };
            if (!Behaviour.OmitIdToken)
            {
                response["id_token"] = IdToken(grant, accessToken);
            }
            if (Behaviour.RefreshToken is not null)
            {
                response["refresh_token"] = Behaviour.RefreshToken;
            }
            return Results.Json(response);
        });

        app.MapGet("/userinfo", (HttpRequest request) =>
        {
            Interlocked.Increment(ref UserInfoHits);
            if (!request.Headers.Authorization.ToString().StartsWith("Bearer at-", StringComparison.Ordinal))
            {
                return Results.Unauthorized();
            }
            switch (Behaviour.UserInfoFailure)
            {
                case UserInfoFailure.InvalidToken:
                    request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The access token expired\"";
                    return Results.StatusCode(401);
                case UserInfoFailure.ServerError:
                    return Results.StatusCode(503);
            }
            var user = new Dictionary<string, object?>(Behaviour.UserInfoExtra);
            if (!Behaviour.UserInfoOmitSub)
            {
                user["sub"] = Behaviour.UserInfoSub ?? Subject;
            }
            return Results.Json(user);
        });

        app.MapGet("/end_session", (HttpRequest request) =>
        {
            EndSessionRequests.Add(request.Query);
            var target = request.Query["post_logout_redirect_uri"].ToString();
            return target.Length == 0
                ? Results.Text("signed out")
                : Results.Redirect(Behaviour.EchoSignOutState ? QueryHelpers.AddQueryString(target, "state", request.Query["state"].ToString()) : target);
        });
    }

    /// <summary>RFC 6749 §6: a new access token; with <see cref="ProviderBehaviour.RefreshIdToken"/>, an ID token re-issued now.</summary>
    private IResult Refresh(Dictionary<string, string> form)
    {
        if (Behaviour.RefreshToken is null || form.GetValueOrDefault("refresh_token") != Behaviour.RefreshToken)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Unknown refresh token." }, statusCode: 400);
        }

        var accessToken = "at-refreshed-" + Interlocked.Increment(ref _refreshes);
        var response = new Dictionary<string, object?> { ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 3600 };
        if (Behaviour.ReplayIdTokenOnRefresh)
        {
            response["id_token"] = LastIssuedIdToken;
        }
        else if (Behaviour.RefreshIdToken && _lastIdTokenClaims is { } original)
        {
            // §12.2: the original's iss, sub, aud, auth_time; a new iat and exp; no nonce.
            var claims = new Dictionary<string, object?>(original)
            {
                ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
                ["at_hash"] = JwtWriter.AtHash(accessToken),
            };
            claims.Remove("nonce");
            Behaviour.MutateRefreshIdToken?.Invoke(claims);
            response["id_token"] = Sign(claims);
        }
        LastRefreshIdToken = response.GetValueOrDefault("id_token") as string;
        return Results.Json(response);
    }

    private string IdToken(Grant grant, string accessToken)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = Issuer,
            ["sub"] = Subject,
            ["aud"] = grant.ClientId,
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["auth_time"] = (Behaviour.AuthTime ?? now).ToUnixTimeSeconds(),
            ["nonce"] = grant.Nonce,
            ["at_hash"] = JwtWriter.AtHash(accessToken),
            ["sid"] = "sess-42",
            ["name"] = "Ada Reader",
            ["email"] = "ada@example.test",
            ["plan"] = "premium",
        };
        Behaviour.MutateIdToken?.Invoke(claims);
        _lastIdTokenClaims = new Dictionary<string, object?>(claims);
        LastIssuedIdToken = Sign(claims);
        return LastIssuedIdToken;
    }

    private string Sign(Dictionary<string, object?> claims)
    {
        var key = Behaviour.SignWithKid is { } kid ? _published.Single(k => k.Kid == kid) : CurrentKey;
        var header = new Dictionary<string, object?> { ["typ"] = "JWT" };
        if (!Behaviour.OmitKid)
        {
            header["kid"] = key.Kid;
        }
        Behaviour.MutateIdTokenHeader?.Invoke(header);
        return JwtWriter.Write(header, claims, key, Behaviour.Signing);
    }

    private static string? ClientAuthMethod(Dictionary<string, string> form, string authorization)
    {
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
            var parts = decoded.Split(':', 2);
            return parts.Length == 2 && Uri.UnescapeDataString(parts[0]) == ClientId && Uri.UnescapeDataString(parts[1]) == ClientSecret && !form.ContainsKey("client_secret")
                ? "client_secret_basic" : "bad_basic";
        }
        return form.GetValueOrDefault("client_id") == ClientId && form.GetValueOrDefault("client_secret") == ClientSecret
            ? "client_secret_post" : null;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

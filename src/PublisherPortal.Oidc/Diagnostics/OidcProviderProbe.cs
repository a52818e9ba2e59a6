using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// Asks one provider, right now, for what sign-in needs before a reader arrives: its discovery document where it has
/// one and its signing keys (a JWKS, or the PEM keys in settings for providers that publish none: docs/providers/).
/// Fetches fresh through the scheme's own back-channel client, bypassing the relying party's cache, so callers pace it
/// (the readiness check caches results; the providers page asks when an admin opens it). Reads only public documents,
/// never sends the client secret, never throws for a provider problem.
/// </summary>
public sealed class OidcProviderProbe(IOptionsMonitor<OidcProviderOptions> options, OidcProviderCatalog catalog, TimeProvider? time = null)
{
    /// <summary>The longest one document may take before it counts as unreachable, unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public Task<OidcProviderStatus?> ProbeAsync(string key, CancellationToken cancellationToken) =>
        ProbeAsync(key, DefaultTimeout, cancellationToken);

    public async Task<OidcProviderStatus?> ProbeAsync(string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(key, out var info))
        {
            return null;
        }

        var o = options.Get(key);
        var problems = new List<string>();
        var found = new List<string>();

        OidcEndpointCheck? discovery = null;
        string? discoveredJwks = null;
        if (o.Discovery != OidcDiscovery.Off && o.MetadataAddress is { Length: > 0 } metadata)
        {
            (discovery, var document) = await FetchAsync(o, metadata, timeout, cancellationToken);
            using (document)
            {
                if (document is not null)
                {
                    var root = document.RootElement;
                    var issuer = root.TryGetProperty("issuer", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                    if (!string.Equals(issuer, o.Issuer, StringComparison.Ordinal))
                    {
                        problems.Add($"the discovery document names another issuer than {o.Issuer}");
                    }

                    found.Add("discovery");
                    if (root.TryGetProperty("jwks_uri", out var jwksUri) && jwksUri.ValueKind == JsonValueKind.String)
                    {
                        discoveredJwks = jwksUri.GetString();
                    }
                }
                else if (o.Discovery == OidcDiscovery.Required)
                {
                    problems.Add($"discovery document unavailable ({discovery.Detail})");
                }
                else
                {
                    found.Add($"no discovery document ({discovery.Detail}), using settings");
                }
            }
        }

        var keys = new List<OidcSigningKeyInfo>();
        OidcEndpointCheck? jwks = null;
        if ((string.IsNullOrWhiteSpace(o.JwksUri) ? discoveredJwks : o.JwksUri) is { Length: > 0 } jwksAddress)
        {
            (jwks, var document) = await FetchAsync(o, jwksAddress, timeout, cancellationToken);
            using (document)
            {
                if (document is null)
                {
                    problems.Add($"signing keys unavailable ({jwks.Detail})");
                }
                else
                {
                    try
                    {
                        var set = new JsonWebKeySet(document.RootElement.GetRawText());
                        foreach (var jwk in set.Keys)
                        {
                            keys.Add(Describe(key, jwk.Kid, jwk.Kty, jwk.Alg, "key set", jwk.X5c.FirstOrDefault(), Thumbprint(jwk)));
                        }

                        var usable = set.GetSigningKeys().Count;
                        if (usable == 0)
                        {
                            problems.Add("the key set holds no usable signing key");
                        }
                        else
                        {
                            found.Add($"{usable} key(s) from the key set");
                        }
                    }
                    catch (ArgumentException e)
                    {
                        jwks = jwks with { Reachable = false, Detail = "answered, but not with a key set: " + e.Message };
                        problems.Add("signing keys unavailable (not a key set)");
                    }
                }
            }
        }

        var pemKeys = 0;
        foreach (var pem in o.SigningKeysPem)
        {
            if (PemSigningKeys.TryParse(pem, out var parsed, out _) && parsed is not null)
            {
                pemKeys++;
                var type = parsed is ECDsaSecurityKey ? "EC" : "RSA";
                keys.Add(Describe(key, null, type, null, "settings (PEM)", null, Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pem.Trim())))));
            }
        }

        if (pemKeys > 0)
        {
            found.Add($"{pemKeys} key(s) from settings");
        }

        // A provider whose identity comes from userinfo over the confidential code exchange needs no signing key.
        if (jwks is null && pemKeys == 0 && !OidcProviderProfiles.IdentityFromUserInfo(o.Type))
        {
            problems.Add("no signing keys: neither a key set nor SigningKeysPem");
        }

        var ready = problems.Count == 0;
        var summary = ready ? (found.Count == 0 ? "configured from settings" : string.Join(", ", found)) : string.Join("; ", problems);
        var baseUrl = o.BaseUrl?.TrimEnd('/') ?? "";
        return new OidcProviderStatus(key, info.DisplayName, info.Type, o.Issuer, discovery, jwks, keys,
            baseUrl + o.CallbackPath, baseUrl + o.SignedOutCallbackPath, _time.GetUtcNow(), ready, summary);
    }

    private OidcSigningKeyInfo Describe(string provider, string? kid, string type, string? alg, string source, string? certificate, string identity)
    {
        var firstSeen = _firstSeen.GetOrAdd($"{provider}|{identity}", _ => _time.GetUtcNow());
        DateTimeOffset? notBefore = null;
        if (certificate is not null)
        {
            try
            {
                using var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate));
                notBefore = new DateTimeOffset(cert.NotBefore.ToUniversalTime(), TimeSpan.Zero);
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                // An unreadable certificate says nothing about the key's age: leave it out.
            }
        }

        return new OidcSigningKeyInfo(kid, type, alg, source, firstSeen, notBefore);
    }

    private static string Thumbprint(JsonWebKey jwk) => jwk.Kid is { Length: > 0 } kid
        ? "kid:" + kid
        : "n:" + (jwk.N ?? "") + "x:" + (jwk.X ?? "") + "y:" + (jwk.Y ?? "");

    private static async Task<(OidcEndpointCheck Check, JsonDocument? Document)> FetchAsync(
        OidcProviderOptions o, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (o.RequireHttpsMetadata && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return (new OidcEndpointCheck(url, false, "not https"), null);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await o.Backchannel.GetAsync(url, limit.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (new OidcEndpointCheck(url, false, $"answered HTTP {(int)response.StatusCode}"), null);
            }

            var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(limit.Token), cancellationToken: limit.Token);
            return (new OidcEndpointCheck(url, true, $"answered HTTP {(int)response.StatusCode}"), document);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new OidcEndpointCheck(url, false, $"no answer within {timeout.TotalSeconds:0.#} s"), null);
        }
        catch (HttpRequestException e)
        {
            return (new OidcEndpointCheck(url, false, "could not be reached: " + e.HttpRequestError), null);
        }
        catch (JsonException)
        {
            return (new OidcEndpointCheck(url, false, "answered, but not with JSON"), null);
        }
    }
}

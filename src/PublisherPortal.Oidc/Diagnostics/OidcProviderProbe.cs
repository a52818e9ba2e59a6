using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// Fetches a provider's discovery document and key set now, through the scheme's own back-channel client, to tell
/// an operator whether they answer (the sign-in path caches them for hours and would not notice until it needs
/// them). Reads only public documents; never sends the client secret.
/// </summary>
public sealed class OidcProviderProbe(IOptionsMonitor<OidcProviderOptions> options, OidcProviderCatalog catalog, TimeProvider? time = null)
{
    /// <summary>The longest one document may take before it counts as unreachable.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public async Task<OidcProviderStatus?> ProbeAsync(string key, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(key, out var info))
        {
            return null;
        }

        var o = options.Get(key);
        OidcEndpointCheck? discovery = null;
        string? discoveredJwks = null;
        if (o.Discovery != OidcDiscovery.Off && o.MetadataAddress is { } metadata)
        {
            (discovery, var document) = await FetchAsync(o, metadata, cancellationToken);
            if (document is { } d && d.RootElement.TryGetProperty("jwks_uri", out var jwksUri) && jwksUri.ValueKind == JsonValueKind.String)
            {
                discoveredJwks = jwksUri.GetString();
            }

            document?.Dispose();
        }

        var keys = new List<OidcSigningKeyInfo>();
        OidcEndpointCheck? jwks = null;
        if ((string.IsNullOrWhiteSpace(o.JwksUri) ? discoveredJwks : o.JwksUri) is { Length: > 0 } jwksAddress)
        {
            (jwks, var document) = await FetchAsync(o, jwksAddress, cancellationToken);
            if (document is not null)
            {
                try
                {
                    foreach (var jwk in new JsonWebKeySet(document.RootElement.GetRawText()).Keys)
                    {
                        keys.Add(Describe(key, jwk.Kid, jwk.Kty, jwk.Alg, "key set", jwk.X5c.FirstOrDefault(), Thumbprint(jwk)));
                    }
                }
                catch (ArgumentException e)
                {
                    jwks = jwks with { Reachable = false, Detail = "answered, but not with a key set: " + e.Message };
                }

                document.Dispose();
            }
        }

        foreach (var pem in o.SigningKeysPem)
        {
            if (PemSigningKeys.TryParse(pem, out var parsed, out _) && parsed is not null)
            {
                var type = parsed is ECDsaSecurityKey ? "EC" : "RSA";
                keys.Add(Describe(key, null, type, null, "settings (PEM)", null, Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pem.Trim())))));
            }
        }

        var baseUrl = o.BaseUrl?.TrimEnd('/') ?? "";
        return new OidcProviderStatus(key, info.DisplayName, info.Type, o.Issuer, discovery, jwks, keys,
            baseUrl + o.CallbackPath, baseUrl + o.SignedOutCallbackPath, _time.GetUtcNow());
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

    private static async Task<(OidcEndpointCheck Check, JsonDocument? Document)> FetchAsync(OidcProviderOptions o, string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await o.Backchannel.GetAsync(url, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (new OidcEndpointCheck(url, false, $"answered HTTP {(int)response.StatusCode}"), null);
            }

            var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            return (new OidcEndpointCheck(url, true, $"answered HTTP {(int)response.StatusCode}"), document);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new OidcEndpointCheck(url, false, $"no answer within {Timeout.TotalSeconds:0} seconds"), null);
        }
        catch (HttpRequestException e)
        {
            return (new OidcEndpointCheck(url, false, "could not be reached: " + e.Message), null);
        }
        catch (JsonException)
        {
            return (new OidcEndpointCheck(url, false, "answered, but not with JSON"), null);
        }
    }
}

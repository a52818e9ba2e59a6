using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PublisherPortal.Oidc;

/// <summary>What a readiness probe found at one provider: whether sign-in could work now, in a sentence for operators.</summary>
public sealed record OidcProbeResult(bool Reachable, string Description);

/// <summary>
/// Asks one provider, right now, for what sign-in needs before the reader arrives: its discovery document where it has
/// one, and its signing keys (a JWKS, or the PEM keys in settings for providers that publish none, such as Pliro and
/// PiPA: docs/providers/). Fetches fresh, bypassing the relying party's cache, so callers must pace it (the app's
/// readiness check caches results). Never throws for a provider problem.
/// </summary>
public sealed class OidcProviderProbe(IOptionsMonitor<OidcProviderOptions> optionsMonitor)
{
    public async Task<OidcProbeResult> ProbeAsync(string providerKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.Get(providerKey);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var found = new List<string>();
        string? jwksUri = options.JwksUri;
        try
        {
            if (options.Discovery != OidcDiscovery.Off && !string.IsNullOrEmpty(options.MetadataAddress))
            {
                var (document, problem) = await GetJsonAsync(options, options.MetadataAddress, limit.Token);
                if (document is { } discovery)
                {
                    var issuer = discovery.TryGetProperty("issuer", out var i) ? i.GetString() : null;
                    if (!string.Equals(issuer, options.Issuer, StringComparison.Ordinal))
                    {
                        return new(false, $"the discovery document names another issuer than {options.Issuer}");
                    }

                    found.Add("discovery");
                    jwksUri ??= discovery.TryGetProperty("jwks_uri", out var j) ? j.GetString() : null;
                }
                else if (options.Discovery == OidcDiscovery.Required)
                {
                    return new(false, $"discovery document unavailable ({problem})");
                }
                else
                {
                    found.Add($"no discovery document ({problem}), using settings");
                }
            }

            var keys = 0;
            if (!string.IsNullOrEmpty(jwksUri))
            {
                var (jwks, problem) = await GetJsonAsync(options, jwksUri, limit.Token);
                if (jwks is not { } set)
                {
                    return new(false, $"signing keys unavailable ({problem})");
                }

                keys = new JsonWebKeySet(set.GetRawText()).GetSigningKeys().Count;
                if (keys == 0)
                {
                    return new(false, "the JWKS holds no usable signing key");
                }

                found.Add($"{keys} key(s) from JWKS");
            }

            var pem = PemSigningKeys.ParseAll(options.SigningKeysPem).Count();
            if (pem > 0)
            {
                found.Add($"{pem} key(s) from settings");
            }

            if (keys + pem == 0 && !OidcProviderProfiles.IdentityFromUserInfo(options.Type))
            {
                return new(false, "no signing keys: neither a JWKS nor SigningKeysPem");
            }

            return new(true, found.Count == 0 ? "configured from settings" : string.Join(", ", found));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(false, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is ArgumentException or JsonException or SecurityTokenException or InvalidOperationException)
        {
            return new(false, $"unreadable answer ({e.GetType().Name})");
        }
    }

    private static async Task<(JsonElement? Document, string Problem)> GetJsonAsync(OidcProviderOptions options, string address, CancellationToken cancellationToken)
    {
        if (options.RequireHttpsMetadata && !address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "not https");
        }

        try
        {
            using var response = await options.Backchannel.GetAsync(address, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"HTTP {(int)response.StatusCode}");
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return (document.RootElement.Clone(), "");
        }
        catch (HttpRequestException e)
        {
            return (null, e.HttpRequestError.ToString());
        }
        catch (JsonException)
        {
            return (null, "not JSON");
        }
    }
}

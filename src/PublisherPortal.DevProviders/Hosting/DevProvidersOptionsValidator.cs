using Microsoft.Extensions.Options;

namespace PublisherPortal.DevProviders.Hosting;

/// <summary>Checks the settings at start-up so a bad value fails loudly, naming its settings key.</summary>
internal sealed class DevProvidersOptionsValidator : IValidateOptions<DevProvidersOptions>
{
    public ValidateOptionsResult Validate(string? name, DevProvidersOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(baseUri.Query))
        {
            failures.Add("Portal:BaseUrl must be an absolute http(s) URL such as http://localhost:5080: the local stand-in providers build their issuers and the registered redirect URIs from it.");
        }

        foreach (var host in options.AllowedReturnHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/', StringComparison.Ordinal))
            {
                failures.Add($"DevProviders:AllowedReturnHosts holds '{host}': give a host or host:port, without scheme or path.");
            }
        }

        Check(options.Pliro, "pliro", failures);
        Check(options.Subrite, "subrite", failures);
        Check(options.PixelPin, "pixelpin", failures);
        Check(options.Pipa, "pipa", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(StandInClientOptions client, string key, List<string> failures)
    {
        if (client.ClientId is { } id && string.IsNullOrWhiteSpace(id))
        {
            failures.Add($"DevProviders:{key}:ClientId is empty: remove it to use the default portal-dev-{key}.");
        }

        if (client.ClientSecret is { } secret && string.IsNullOrWhiteSpace(secret))
        {
            failures.Add($"DevProviders:{key}:ClientSecret is empty: remove it to use the default.");
        }

        // Pliro signs ES256, the others RS256.
        var algorithm = key == "pliro" ? Microsoft.IdentityModel.Tokens.SecurityAlgorithms.EcdsaSha256 : Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256;
        if (client.SigningKey is { } material && !Protocol.StandInSigningKey.IsUsable(algorithm, material))
        {
            failures.Add($"DevProviders:{key}:SigningKey is not a base64 PKCS#8 private key for {algorithm}: remove it to have one generated.");
        }

        if (client.PlanClaim is { } claim && string.IsNullOrWhiteSpace(claim))
        {
            failures.Add($"DevProviders:{key}:PlanClaim is empty: remove it to use the default pipa_plan.");
        }
    }
}

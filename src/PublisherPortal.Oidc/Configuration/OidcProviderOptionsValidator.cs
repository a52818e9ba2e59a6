using Microsoft.Extensions.Options;

namespace PublisherPortal.Oidc;

/// <summary>
/// Start-up checks (run through ValidateOnStart): a provider that cannot work stops the app with a
/// message naming the full settings key, rather than failing on a reader's first sign-in.
/// </summary>
internal sealed class OidcProviderOptionsValidator(IEnumerable<OidcProviderRegistration> registrations) : IValidateOptions<OidcProviderOptions>
{
    private static readonly string[] Prompts = ["none", "login", "consent", "select_account"];

    public ValidateOptionsResult Validate(string? name, OidcProviderOptions o)
    {
        if (name is null || !registrations.Any(r => r.Key == name))
        {
            return ValidateOptionsResult.Skip;
        }

        var at = string.IsNullOrEmpty(o.SettingsPath) ? $"{OidcDefaults.ProvidersSectionName}:{name}" : o.SettingsPath;
        var errors = new List<string>(o.SettingErrors);

        Require(o.ClientId, "ClientId");
        Require(o.ClientSecret, "ClientSecret");
        if (Require(o.Issuer, "Issuer"))
        {
            AbsoluteUrl(o.Issuer, "Issuer");
        }
        AbsoluteUrl(o.MetadataAddress, "MetadataAddress");
        AbsoluteUrl(o.AuthorizationEndpoint, "AuthorizationEndpoint");
        AbsoluteUrl(o.TokenEndpoint, "TokenEndpoint");
        AbsoluteUrl(o.UserInfoEndpoint, "UserInfoEndpoint");
        AbsoluteUrl(o.EndSessionEndpoint, "EndSessionEndpoint");
        AbsoluteUrl(o.JwksUri, "JwksUri");
        AbsoluteUrl(o.BaseUrl, "BaseUrl");

        if (o.Discovery == OidcDiscovery.Off)
        {
            // Without discovery, every endpoint and key must come from settings or the Type's documented defaults.
            var documented = OidcProviderProfiles.DocumentedEndpoints(o.Type, o.Issuer);
            var off = $"when discovery is off ({at}:Discovery=Off or {at}:UseDiscovery=false)";
            if (string.IsNullOrWhiteSpace(o.AuthorizationEndpoint) && documented.Authorization is null)
                errors.Add($"{at}:AuthorizationEndpoint is required {off}");
            if (string.IsNullOrWhiteSpace(o.TokenEndpoint) && documented.Token is null)
                errors.Add($"{at}:TokenEndpoint is required {off}");
            if (o.SigningKeysPem.Count == 0 && string.IsNullOrWhiteSpace(o.JwksUri))
                errors.Add($"{at}:SigningKeysPem or {at}:JwksUri is required {off}: the ID token's signature is checked with them");
            if (o.CallUserInfo && string.IsNullOrWhiteSpace(o.UserInfoEndpoint) && documented.UserInfo is null)
                errors.Add($"{at}:UserInfoEndpoint is required when {at}:CallUserInfo is true {off}");
        }

        for (var i = 0; i < o.SigningKeysPem.Count; i++)
        {
            if (!PemSigningKeys.TryParse(o.SigningKeysPem[i], out _, out var why))
                errors.Add($"{at}:SigningKeysPem:{i} is not a usable PEM public key ({why})");
        }

        if (!o.Scopes.Contains("openid"))
            errors.Add($"{at}:Scopes must contain openid (was '{string.Join(' ', o.Scopes)}')");

        if (o.AllowedSigningAlgorithms.Count == 0)
            errors.Add($"{at}:AllowedSigningAlgorithms must name at least one algorithm");
        foreach (var alg in o.AllowedSigningAlgorithms)
        {
            // `none` and HMAC are refused outright: see OidcDefaults.SigningAlgorithms.
            if (!OidcDefaults.SigningAlgorithms.Contains(alg))
                errors.Add($"{at}:AllowedSigningAlgorithms may only hold asymmetric algorithms ({string.Join(", ", OidcDefaults.SigningAlgorithms)}); '{alg}' is not allowed");
        }

        if (o.Type == OidcProviderType.Subrite && !o.UsePkce)
            errors.Add($"{at}:UsePkce must be true for Subrite (it requires PKCE S256)");

        if (o.Prompt is not null && !Prompts.Contains(o.Prompt))
            errors.Add($"{at}:Prompt must be one of none, login, consent, select_account (was '{o.Prompt}')");
        if (o.MaxAge is { } maxAge && maxAge < TimeSpan.Zero)
            errors.Add($"{at}:MaxAge must not be negative");
        if (o.ClockSkew < TimeSpan.Zero || o.ClockSkew > TimeSpan.FromMinutes(10))
            errors.Add($"{at}:ClockSkew must be between 0 and 10 minutes");
        if (!o.ErrorPath.StartsWith('/') || o.ErrorPath.StartsWith("//", StringComparison.Ordinal))
            errors.Add($"{at}:ErrorPath must be a local path starting with /");
        if (o.RequireHttpsMetadata && o.Issuer is { } issuer && Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri) && issuerUri.Scheme != Uri.UriSchemeHttps)
            errors.Add($"{at}:Issuer must use https (set {at}:RequireHttpsMetadata to false only for local development providers)");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        bool Require(string? value, string key)
        {
            if (!string.IsNullOrWhiteSpace(value)) return true;
            errors.Add($"{at}:{key} is required");
            return false;
        }

        void AbsoluteUrl(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                errors.Add($"{at}:{key} must be an absolute http(s) URL (was '{value}')");
        }
    }
}

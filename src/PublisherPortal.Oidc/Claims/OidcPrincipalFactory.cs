using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PublisherPortal.Oidc;

/// <summary>
/// Turns a validated ID token and/or userinfo into the reader's identity: (iss, sub) as the key, a display name,
/// email, provider key and plan keys. PixelPin's profile field names are mapped tolerantly. Used at sign-in and when
/// plans are re-read from userinfo, so both map claims the same way.
/// </summary>
internal static class OidcPrincipalFactory
{
    public static ClaimsIdentity Create(OidcProviderOptions options, string claimsIssuer, string issuer, string subject,
        JsonElement? idTokenPayload, JsonElement? userInfo)
    {
        var identity = new ClaimsIdentity(options.Key, OidcClaimTypes.Name, OidcClaimTypes.Role);
        void Add(string type, string? value, string valueType = ClaimValueTypes.String)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                identity.AddClaim(new Claim(type, value, valueType, claimsIssuer));
            }
        }
        string? Read(params string[] names)
        {
            foreach (var name in names)
            {
                foreach (var source in new[] { idTokenPayload, userInfo })
                {
                    if (source is { } claims && claims.TryGetProperty(name, out var value))
                    {
                        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())) return value.GetString();
                        if (value.ValueKind == JsonValueKind.Number) return value.GetRawText();
                    }
                }
            }
            return null;
        }

        Add(OidcClaimTypes.Subject, subject);
        Add(OidcClaimTypes.Issuer, issuer);

        // PixelPin documents firstName ("might be just a first name, a full name or a nickname"); its plugins read given_name.
        var given = Read("given_name", "firstName");
        var family = Read("family_name", "lastName");
        var email = Read("email");
        var name = Read("name")
            ?? (given is not null || family is not null ? string.Join(' ', new[] { given, family }.Where(p => p is not null)) : null)
            ?? Read("displayName", "nickname", "preferred_username")
            ?? email;
        Add(OidcClaimTypes.Name, name);
        Add(OidcClaimTypes.GivenName, given);
        Add(OidcClaimTypes.FamilyName, family);
        Add(OidcClaimTypes.Email, email);
        if (email is not null && EmailVerified(idTokenPayload, userInfo))
        {
            Add(OidcClaimTypes.EmailVerified, "true", ClaimValueTypes.Boolean);
        }

        if (idTokenPayload is { } payload)
        {
            // sid and auth_time are statements about this sign-in: only an ID token makes them.
            Add(OidcClaimTypes.SessionId, payload.TryGetProperty("sid", out var sid) && sid.ValueKind == JsonValueKind.String ? sid.GetString() : null);
            if (payload.TryGetProperty("auth_time", out var authTime) && authTime.TryGetInt64(out var seconds))
            {
                Add(OidcClaimTypes.AuthTime, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);
            }
        }
        Add(OidcClaimTypes.Provider, options.Key);

        if (userInfo is { } profile && profile.TryGetProperty("address", out var address))
        {
            // PixelPin's plugins receive the address as a JSON string that needs a second parse.
            Add("address", address.ValueKind == JsonValueKind.String ? NormaliseJson(address.GetString()!) : address.GetRawText(), "JSON");
        }

        foreach (var plan in PlanKeys(options.PlanClaims, idTokenPayload, userInfo))
        {
            Add(OidcClaimTypes.Plan, plan);
        }
        return identity;
    }

    /// <summary>Plan keys from every configured claim, in the ID token and userinfo, string or array.</summary>
    internal static IEnumerable<string> PlanKeys(IEnumerable<string> claimNames, JsonElement? idTokenPayload, JsonElement? userInfo)
    {
        var keys = new List<string>();
        foreach (var claim in claimNames)
        {
            foreach (var source in new[] { idTokenPayload, userInfo })
            {
                if (source is not { } claims || !claims.TryGetProperty(claim, out var value)) continue;
                if (value.ValueKind == JsonValueKind.String) keys.Add(value.GetString()!);
                else if (value.ValueKind == JsonValueKind.Array)
                    keys.AddRange(value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
            }
        }
        return keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Only an explicit <c>true</c> counts (a JSON boolean, or the string some providers send): an absent or false
    /// <c>email_verified</c> means the address may be anyone's.
    /// </summary>
    private static bool EmailVerified(JsonElement? idTokenPayload, JsonElement? userInfo)
    {
        foreach (var source in new[] { idTokenPayload, userInfo })
        {
            if (source is { } claims && claims.ValueKind == JsonValueKind.Object && claims.TryGetProperty("email_verified", out var value))
            {
                return value.ValueKind == JsonValueKind.True
                    || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase));
            }
        }

        return false;
    }

    /// <summary>The ID token's claims as JSON, so strings, numbers and arrays are read the same way as userinfo.</summary>
    public static JsonElement Payload(JsonWebToken idToken)
    {
        using var document = JsonDocument.Parse(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(idToken.EncodedPayload));
        return document.RootElement.Clone();
    }

    private static string NormaliseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            return text;
        }
    }
}

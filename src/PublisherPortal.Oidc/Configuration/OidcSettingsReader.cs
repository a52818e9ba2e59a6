using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PublisherPortal.Oidc;

/// <summary>
/// Reads <c>Providers:{key}</c> into options: Type defaults first, then every present key. Read by hand
/// rather than bound so that a bad value becomes a start-up message naming its full key instead of a
/// binder exception, and so that Scopes may be a space-separated string or an array. Keys this library
/// does not know (MemberApiBase, CheckoutUrl...) belong to the web app and are ignored.
/// </summary>
internal static class OidcSettingsReader
{
    public static void Read(IConfigurationSection section, OidcProviderOptions o)
    {
        var typeText = section["Type"];
        var type = OidcProviderType.Generic;
        if (!string.IsNullOrWhiteSpace(typeText) && !Enum.TryParse(typeText, ignoreCase: true, out type))
        {
            o.SettingErrors.Add($"{section.Path}:Type must be one of Pliro, Subrite, PixelPin, PiPA, Generic (was '{typeText}')");
            type = OidcProviderType.Generic;
        }
        OidcProviderProfiles.ApplyDefaults(type, o);

        o.DisplayName = section["DisplayName"] ?? o.DisplayName;
        o.Issuer = section["Issuer"] ?? o.Issuer;
        o.ClientId = section["ClientId"] ?? o.ClientId;
        o.ClientSecret = section["ClientSecret"] ?? o.ClientSecret;
        o.MetadataAddress = section["MetadataAddress"] ?? o.MetadataAddress;
        o.AuthorizationEndpoint = section["AuthorizationEndpoint"] ?? o.AuthorizationEndpoint;
        o.TokenEndpoint = section["TokenEndpoint"] ?? o.TokenEndpoint;
        o.UserInfoEndpoint = section["UserInfoEndpoint"] ?? o.UserInfoEndpoint;
        o.EndSessionEndpoint = section["EndSessionEndpoint"] ?? o.EndSessionEndpoint;
        o.JwksUri = section["JwksUri"] ?? o.JwksUri;
        o.Prompt = section["Prompt"] ?? o.Prompt;
        o.BaseUrl = section["BaseUrl"] ?? o.BaseUrl;
        o.ErrorPath = section["ErrorPath"] ?? o.ErrorPath;

        if (ReadList(section, "Scopes", splitSpaces: true) is { } scopes) o.Scopes = scopes;
        if (ReadList(section, "SigningKeysPem", splitSpaces: false) is { } pems) o.SigningKeysPem = pems;
        if (ReadList(section, "AllowedSigningAlgorithms", splitSpaces: true) is { } algs) o.AllowedSigningAlgorithms = algs;
        if (ReadList(section, "PlanClaims", splitSpaces: true) is { } plans) o.PlanClaims = plans;
        // PiPA/Generic documents often name a single plan claim.
        if (section["PlanClaim"] is { Length: > 0 } planClaim && !o.PlanClaims.Contains(planClaim))
        {
            o.PlanClaims = [.. o.PlanClaims, planClaim];
        }

        ReadBool(section, "UsePkce", v => o.UsePkce = v, o);
        ReadBool(section, "UseDiscovery", v => o.Discovery = v ? OidcDiscovery.Required : OidcDiscovery.Off, o);
        if (section["Discovery"] is { Length: > 0 } discovery)
        {
            if (Enum.TryParse<OidcDiscovery>(discovery, ignoreCase: true, out var discoveryMode) && Enum.IsDefined(discoveryMode)) o.Discovery = discoveryMode;
            else o.SettingErrors.Add($"{section.Path}:Discovery must be Required, IfAvailable or Off (was '{discovery}')");
        }
        ReadBool(section, "CallUserInfo", v => o.CallUserInfo = v, o);
        ReadBool(section, "LogoutTokenRequiresSessionId", v => o.LogoutTokenRequiresSessionId = v, o);
        ReadBool(section, "RequireHttpsMetadata", v => o.RequireHttpsMetadata = v, o);
        ReadTimeSpan(section, "MaxAge", v => o.MaxAge = v, o);
        ReadTimeSpan(section, "ClockSkew", v => o.ClockSkew = v, o);
        ReadTimeSpan(section, "BackchannelTimeout", v =>
        {
            if (v < TimeSpan.FromSeconds(1) || v > TimeSpan.FromMinutes(2))
            {
                o.SettingErrors.Add($"{section.Path}:BackchannelTimeout must be from 1 second to 2 minutes (was '{v}')");
            }
            else
            {
                o.BackchannelTimeout = v;
            }
        }, o);

        if (section["TokenEndpointAuthMethod"] is { Length: > 0 } method)
        {
            switch (method)
            {
                case "client_secret_basic": o.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretBasic; break;
                case "client_secret_post": o.TokenEndpointAuthMethod = OidcClientAuthenticationMethod.ClientSecretPost; break;
                default:
                    o.SettingErrors.Add($"{section.Path}:TokenEndpointAuthMethod must be client_secret_basic or client_secret_post (was '{method}')");
                    break;
            }
        }

        if (section["ResponseMode"] is { Length: > 0 } mode)
        {
            switch (mode)
            {
                case "query": o.ResponseMode = OidcResponseMode.Query; break;
                case "form_post": o.ResponseMode = OidcResponseMode.FormPost; break;
                default:
                    o.SettingErrors.Add($"{section.Path}:ResponseMode must be query or form_post (was '{mode}')");
                    break;
            }
        }

        foreach (var parameter in section.GetSection("AuthorizeParameters").GetChildren())
        {
            if (parameter.Value is not null)
            {
                o.AuthorizeParameters[parameter.Key] = parameter.Value;
            }
        }
    }

    /// <summary>A list may be given as an array (<c>Scopes:0</c>, <c>Scopes:1</c>) or as one string.</summary>
    private static List<string>? ReadList(IConfigurationSection section, string key, bool splitSpaces)
    {
        var child = section.GetSection(key);
        // Some configuration sources report an array's parent as "" rather than null: children win over an empty value.
        if (child.Value is { } single && (single.Length > 0 || !child.GetChildren().Any()))
        {
            return splitSpaces
                ? [.. single.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : single.Length == 0 ? [] : [single];
        }
        var items = child.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        return items.Count > 0 ? items : null;
    }

    private static void ReadBool(IConfigurationSection section, string key, Action<bool> set, OidcProviderOptions o)
    {
        if (section[key] is not { Length: > 0 } text) return;
        if (bool.TryParse(text, out var value)) set(value);
        else o.SettingErrors.Add($"{section.Path}:{key} must be true or false (was '{text}')");
    }

    /// <summary>Accepts a TimeSpan ("00:02:00") or a number of seconds ("120").</summary>
    private static void ReadTimeSpan(IConfigurationSection section, string key, Action<TimeSpan> set, OidcProviderOptions o)
    {
        if (section[key] is not { Length: > 0 } text) return;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) set(TimeSpan.FromSeconds(seconds));
        else if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)) set(span);
        else o.SettingErrors.Add($"{section.Path}:{key} must be a number of seconds or a time span like 00:05:00 (was '{text}')");
    }
}

using Microsoft.Extensions.Options;
using PublisherPortal.DevProviders.Pipa;
using PublisherPortal.DevProviders.PixelPin;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Subrite;

namespace PublisherPortal.DevProviders.Hosting;

/// <summary>
/// The <c>Providers:{key}:*</c> settings an operator would copy from each stand-in's "dashboard", built from
/// <c>Portal:BaseUrl</c> so the stand-ins follow the site to any host and port. Only what the
/// provider's documents tell an operator to configure is given (docs/providers/): Pliro's site URL and its PEM key
/// from the signing-keys page, PiPA's endpoints and keys, Subrite's issuer, member API and checkout; everything else
/// is left to the relying party's Type defaults, which is what this proves in development.
/// </summary>
internal static class StandInSettings
{
    public static Dictionary<string, string?> For(DevProvidersOptions options)
    {
        var wrapped = Options.Create(options);
        var plainHttp = options.PortalBase.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        // Pliro's key goes to the portal as a PEM (its documented way): fix the key first, and hand the same material to
        // the stand-in through DevProviders:pliro:SigningKey, in memory only.
        options.Pliro.SigningKey ??= StandInSigningKey.NewMaterial(Microsoft.IdentityModel.Tokens.SecurityAlgorithms.EcdsaSha256);
        settings["DevProviders:pliro:SigningKey"] = options.Pliro.SigningKey;
        var pliro = new PliroStandIn(wrapped);
        Common(pliro, "Pliro");
        settings["Providers:pliro:SigningKeysPem:0"] = pliro.SigningKey.PublicPem;
        settings["Providers:pliro:AccountUrl"] = pliro.Url(AccountPagesAccountPath);

        var subrite = new SubriteStandIn(wrapped);
        Common(subrite, "Subrite");
        settings["Providers:subrite:MemberApiBase"] = subrite.MemberApiBase;
        settings["Providers:subrite:CheckoutUrl"] = subrite.Url(subrite.CheckoutPath);

        Common(new PixelPinStandIn(wrapped), "PixelPin");

        var pipa = new PipaStandIn(wrapped);
        Common(pipa, "PiPA");
        settings["Providers:pipa:AuthorizationEndpoint"] = pipa.Url(pipa.AuthorizePath);
        settings["Providers:pipa:TokenEndpoint"] = pipa.Url(pipa.TokenPath);
        settings["Providers:pipa:JwksUri"] = pipa.Url(pipa.JwksPath);
        settings["Providers:pipa:PlanClaims:0"] = pipa.PlanClaim;
        return settings;

        void Common(StandInProvider provider, string type)
        {
            var at = "Providers:" + provider.Key + ":";
            settings[at + "Type"] = type;
            settings[at + "DisplayName"] = $"{provider.DisplayName} (local test provider)";
            settings[at + "Issuer"] = provider.Issuer;
            settings[at + "ClientId"] = provider.Client.ClientId;
            settings[at + "ClientSecret"] = provider.Client.ClientSecret;
            if (plainHttp)
            {
                // The stand-ins are served over plain http on a developer's machine.
                settings[at + "RequireHttpsMetadata"] = "false";
            }
        }
    }

    private const string AccountPagesAccountPath = Pages.AccountPages.AccountPath;
}

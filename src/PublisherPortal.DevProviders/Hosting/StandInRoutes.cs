using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.DevProviders.Pages;
using PublisherPortal.DevProviders.Pipa;
using PublisherPortal.DevProviders.Pliro;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Subrite;

namespace PublisherPortal.DevProviders.Hosting;

/// <summary>
/// Maps every stand-in under <c>/dev/{provider}</c>. Handlers read forms themselves and check antiforgery
/// explicitly, so the portal's own antiforgery middleware and auth setup are irrelevant to them.
/// </summary>
internal static class StandInRoutes
{
    public static void MapAll(IEndpointRouteBuilder endpoints, IReadOnlyList<StandInProvider> providers)
    {
        foreach (var provider in providers)
        {
            MapProtocol(endpoints, provider);
        }

        var pliro = providers.OfType<PliroStandIn>().Single();
        var subrite = providers.OfType<SubriteStandIn>().Single();
        var pipa = providers.OfType<PipaStandIn>().Single();
        PliroRoutes.Map(endpoints, pliro);
        MapSubrite(endpoints, subrite);
        MapPipa(endpoints, pipa);
        MapAccount(endpoints, pliro, [
            ("Subscribe (Pliro Site /subscribe)", pliro.SubscribePath),
            .. pliro.Offers.Select(o => ($"Offer: {o.Name}", $"{pliro.OffersPath}/{o.Key}")),
            ("Signing keys", pliro.SigningKeysPath),
            .. pliro.DiscoveryPath is { } pliroDiscovery ? [("Discovery (switched on)", pliroDiscovery)] : Array.Empty<(string, string)>(),
        ]);
        MapAccount(endpoints, subrite, [("Checkout", subrite.CheckoutPath), ("Discovery", subrite.DiscoveryPath!)]);
        MapAccount(endpoints, providers.OfType<PixelPin.PixelPinStandIn>().Single(), [("Discovery", "/.well-known/openid-configuration")]);
        MapAccount(endpoints, pipa, [("Change plan (stand-in page)", pipa.PlansPath), ("JWKS", pipa.JwksPath)]);

        endpoints.MapGet("/dev", context =>
        {
            var body = new StringBuilder("<p>Stand-ins of the sign-in providers, served by this process for offline development.</p><ul>");
            foreach (var provider in providers)
            {
                body.Append("<li><a href=\"").Append(StandInPage.E(provider.BasePath + AccountPages.AccountPath)).Append("\">")
                    .Append(StandInPage.E(provider.DisplayName)).Append("</a> · issuer <code>").Append(StandInPage.E(provider.Issuer)).Append("</code></li>");
            }

            return StandInPage.WriteAsync(context, null, "Local test providers", body.Append("</ul>").ToString());
        });
    }

    private static void MapProtocol(IEndpointRouteBuilder endpoints, StandInProvider provider)
    {
        var basePath = provider.BasePath;
        if (provider.DiscoveryPath is { } discovery)
        {
            endpoints.MapGet(basePath + discovery, context => MetadataEndpoints.DiscoveryAsync(context, provider));
        }

        if (provider.PublishesJwks)
        {
            endpoints.MapGet(basePath + provider.JwksPath, context => MetadataEndpoints.JwksAsync(context, provider));
        }
        endpoints.MapGet(basePath + provider.AuthorizePath, context =>
            context.RequestServices.GetRequiredService<AuthorizeEndpoint>().AuthorizeAsync(context, provider));
        endpoints.MapPost(basePath + AuthorizeEndpoint.SignInPath, context =>
            context.RequestServices.GetRequiredService<AuthorizeEndpoint>().SignInAsync(context, provider));
        endpoints.MapPost(basePath + provider.TokenPath, context =>
            context.RequestServices.GetRequiredService<TokenEndpoint>().HandleAsync(context, provider));
        endpoints.MapMethods(basePath + provider.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], context =>
            context.RequestServices.GetRequiredService<UserInfoEndpoint>().HandleAsync(context, provider));
    }

    private static void MapAccount(IEndpointRouteBuilder endpoints, StandInProvider provider, IReadOnlyList<(string Label, string Path)> links)
    {
        var basePath = provider.BasePath;
        endpoints.MapGet(basePath, context =>
        {
            context.Response.Redirect(basePath + AccountPages.AccountPath);
            return Task.CompletedTask;
        });
        endpoints.MapGet(basePath + AccountPages.LoginPath, context =>
            context.RequestServices.GetRequiredService<AccountPages>().LoginFormAsync(context, provider));
        endpoints.MapPost(basePath + AccountPages.LoginPath, context =>
            context.RequestServices.GetRequiredService<AccountPages>().LoginAsync(context, provider));
        endpoints.MapGet(basePath + AccountPages.AccountPath, context =>
            context.RequestServices.GetRequiredService<AccountPages>().AccountAsync(context, provider, links));
        endpoints.MapPost(basePath + AccountPages.SignOutPath, context =>
            context.RequestServices.GetRequiredService<AccountPages>().SignOutAsync(context, provider));
    }

    private static void MapSubrite(IEndpointRouteBuilder endpoints, SubriteStandIn subrite)
    {
        var basePath = subrite.BasePath;
        endpoints.MapGet(basePath + subrite.MemberApiPath, context =>
            context.RequestServices.GetRequiredService<MemberApiEndpoint>().HandleAsync(context, subrite));
        endpoints.MapGet(basePath + subrite.CheckoutPath, context =>
            context.RequestServices.GetRequiredService<ShopPage>().ShowAsync(context, subrite, ShopRules.SubriteCheckout, subrite.Offers, subrite.CheckoutPath));
        endpoints.MapPost(basePath + subrite.CheckoutPath, context =>
            context.RequestServices.GetRequiredService<ShopPage>().SubmitAsync(context, subrite, ShopRules.SubriteCheckout));
        endpoints.MapGet(basePath + subrite.EndSessionPath, context =>
            context.RequestServices.GetRequiredService<SubriteEndSessionEndpoint>().HandleAsync(context, subrite));
    }

    private static void MapPipa(IEndpointRouteBuilder endpoints, PipaStandIn pipa)
    {
        endpoints.MapGet(pipa.BasePath + pipa.PlansPath, context =>
            context.RequestServices.GetRequiredService<ShopPage>().ShowAsync(context, pipa, ShopRules.PliroSite, pipa.Offers, pipa.PlansPath));
        endpoints.MapPost(pipa.BasePath + pipa.PlansPath, context =>
            context.RequestServices.GetRequiredService<ShopPage>().SubmitAsync(context, pipa, ShopRules.PliroSite));
    }
}

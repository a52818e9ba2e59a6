using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.DevProviders.Pages;

namespace PublisherPortal.DevProviders.Pliro;

/// <summary>The parts only Pliro has: the signing-keys page, end_session, and the Pliro Site subscribe and offer pages.</summary>
internal static class PliroRoutes
{
    public static void Map(IEndpointRouteBuilder endpoints, PliroStandIn pliro)
    {
        var basePath = pliro.BasePath;
        endpoints.MapGet(basePath + pliro.SigningKeysPath, context =>
        {
            var key = pliro.SigningKey;
            var body = "<p>Pliro publishes its ID-token signing keys on a page like this one; its example integration "
                + "configures the PEM key statically instead of reading discovery.</p>"
                + $"<dl><dt>Algorithm</dt><dd>{StandInPage.E(key.Algorithm)}</dd><dt>Key id</dt><dd><code>{StandInPage.E(key.KeyId)}</code></dd></dl>"
                + $"<pre>{StandInPage.E(key.PublicPem)}</pre>"
                + $"<p><a href=\"{StandInPage.E(basePath + pliro.SigningKeysPemPath)}\">Download as PEM</a>. The key is generated when the process starts.</p>";
            return StandInPage.WriteAsync(context, pliro, "Signing keys", body);
        });
        endpoints.MapGet(basePath + pliro.SigningKeysPemPath, context =>
        {
            context.Response.ContentType = "application/x-pem-file";
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsync(pliro.SigningKey.PublicPem, context.RequestAborted);
        });

        endpoints.MapGet(basePath + pliro.EndSessionPath, context =>
            context.RequestServices.GetRequiredService<PliroEndSessionEndpoint>().HandleAsync(context, pliro));
        endpoints.MapPost(basePath + PliroEndSessionEndpoint.ConfirmPath, context =>
            context.RequestServices.GetRequiredService<PliroEndSessionEndpoint>().ConfirmAsync(context, pliro));

        // Pliro Site pages (docs/providers/pliro.md): /subscribe, /offers/<offer>, /offers/<offer>/subscribe, each with
        // continue_url. Offers have their own names: an offer page named after a plan slug does not exist.
        endpoints.MapGet(basePath + pliro.SubscribePath, context =>
            context.RequestServices.GetRequiredService<ShopPage>().ShowAsync(context, pliro, ShopRules.PliroSite, pliro.Offers, pliro.SubscribePath));
        endpoints.MapPost(basePath + pliro.SubscribePath, context =>
            context.RequestServices.GetRequiredService<ShopPage>().SubmitAsync(context, pliro, ShopRules.PliroSite));
        endpoints.MapGet(basePath + pliro.OffersPath + "/{offer}", context =>
        {
            if (Offer(context, pliro) is not { } offer)
            {
                return StandInPage.ErrorAsync(context, pliro, "No such offer", "This offer does not exist.", StatusCodes.Status404NotFound);
            }

            var subscribe = $"{basePath}{pliro.OffersPath}/{Uri.EscapeDataString(offer.Key)}/subscribe{context.Request.QueryString}";
            return StandInPage.WriteAsync(context, pliro, offer.Name,
                $"<p>{StandInPage.E(offer.Blurb)}</p><p><a href=\"{StandInPage.E(subscribe)}\">Subscribe to {StandInPage.E(offer.Name)}</a></p>");
        });
        endpoints.MapGet(basePath + pliro.OffersPath + "/{offer}/subscribe", context =>
            Offer(context, pliro) is { } offer
                ? context.RequestServices.GetRequiredService<ShopPage>().ShowAsync(context, pliro, ShopRules.PliroSite, [offer], pliro.SubscribePath)
                : StandInPage.ErrorAsync(context, pliro, "No such offer", "This offer does not exist.", StatusCodes.Status404NotFound));
    }

    private static Readers.SiteOffer? Offer(HttpContext context, PliroStandIn pliro) =>
        pliro.Offers.FirstOrDefault(o => o.Key == context.Request.RouteValues["offer"] as string);
}

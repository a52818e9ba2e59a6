using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Staff.Circuits;

/// <summary>
/// Guards the door to interactive circuits (<c>/_blazor</c>). Circuit messages carry no antiforgery token, so a
/// request from another site's page is refused by its <c>Origin</c> (browsers always send one across sites); and
/// only staff may open a circuit at all, since only staff pages are interactive. Leaving (<c>/_blazor/disconnect</c>)
/// is always allowed.
/// </summary>
public static class CircuitEntry
{
    public static IApplicationBuilder UseStaffCircuitEntry(this IApplicationBuilder app)
    {
        var portal = app.ApplicationServices.GetRequiredService<IOptions<PortalOptions>>();
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_blazor", out var rest) || rest.StartsWithSegments("/disconnect"))
            {
                await next(context);
                return;
            }

            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !string.Equals(origin, Origin(portal.Value.BaseUrl), StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Interactive pages open only from this site's own pages.");
                return;
            }

            if (StaffClaims.RoleOf(context.User) is null)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Interactive pages are for staff: sign in with a staff account.");
                return;
            }

            await next(context);
        });
    }

    private static string Origin(string baseUrl) => new Uri(baseUrl).GetLeftPart(UriPartial.Authority);
}

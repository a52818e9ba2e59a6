using Microsoft.AspNetCore.Authentication;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Entitlements;

/// <summary>
/// A silent re-authentication after checkout that comes back with an error (login_required and friends) must not
/// strand the reader on an error page: they go back to the article they were reading, as they were.
/// </summary>
public static class SilentRefreshFailure
{
    /// <returns>True when the failure was ours and has been answered.</returns>
    public static bool TryReturnToArticle(RemoteFailureContext context)
    {
        if (context.Properties is not { } properties
            || !properties.Items.TryGetValue(PlanRefreshMiddleware.SilentRefreshItem, out var marker) || marker != "1")
        {
            return false;
        }

        context.Response.Redirect(LocalUrl.OrHome(properties.RedirectUri));
        context.HandleResponse();
        return true;
    }
}

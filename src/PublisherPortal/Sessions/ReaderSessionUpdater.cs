using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PublisherPortal.Sessions;

/// <summary>
/// Changes the claims of the current reader's session in place (same session id, same cookie), starting from the
/// session as stored now. The request's own copy may be stale: a token renewal earlier in the request rotates the
/// refresh token in the store, and re-signing in from the request's copy would bring the spent one back.
/// </summary>
public sealed class ReaderSessionUpdater(DatabaseTicketStore store, SessionWriteLock writes)
{
    /// <param name="change">Edits the identity; returns false to leave the session as it is.</param>
    /// <returns>The updated principal, or null when nothing changed (anonymous, session gone, or change declined).</returns>
    public async Task<ClaimsPrincipal?> UpdateAsync(HttpContext context, Func<ClaimsIdentity, Task<bool>> change)
    {
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded
            || !session.Properties.Items.TryGetValue(DatabaseTicketStore.SessionIdItem, out var sessionId) || sessionId is null)
        {
            return null;
        }

        // Read, change and write with no token renewal in between (SessionWriteLock): the change must not write back
        // tokens another request has just rotated.
        using var write = await writes.AcquireAsync(sessionId, context.RequestAborted);
        if (await store.ReadAsync(sessionId) is not { } current)
        {
            return null;
        }

        var principal = current.Principal.Clone();
        if (principal.Identity is not ClaimsIdentity identity || !await change(identity))
        {
            return null;
        }

        await store.RenewAsync(sessionId, new AuthenticationTicket(principal, current.Properties, current.AuthenticationScheme));
        // This very request already sees the change, with what it was given per request (the session id, staff
        // roles): identities that are never stored in the ticket.
        var stored = principal.Identities.Select(i => i.AuthenticationType).ToHashSet();
        context.User = new ClaimsPrincipal(principal.Identities.Concat(context.User.Identities.Where(i => !stored.Contains(i.AuthenticationType))));
        return principal;
    }
}

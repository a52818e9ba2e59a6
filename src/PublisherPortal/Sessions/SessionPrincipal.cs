using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PublisherPortal.Sessions;

/// <summary>
/// Puts the server-side session's id on the request's principal, as a claim of an identity of its own. The id lives
/// in the ticket's properties, which a staff circuit never sees: its principal is captured when the circuit opens,
/// and revalidating it against the session store needs the id (docs/architecture.md, "Staff area"). The claim is
/// added per request, never stored in the ticket, and stays on the server: an interactive server circuit keeps its
/// principal in server memory.
/// </summary>
public static class SessionPrincipal
{
    /// <summary>The claim that carries the session id.</summary>
    public const string SessionIdClaim = "portal:session";

    /// <summary>The authentication type of the identity that carries it.</summary>
    public const string IdentityType = "portal.session";

    /// <summary>The cookie handler's <c>OnValidatePrincipal</c>: the stored principal, plus the session identity.</summary>
    public static Task AttachSessionIdAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } stored
            || !context.Properties.Items.TryGetValue(DatabaseTicketStore.SessionIdItem, out var sessionId) || string.IsNullOrEmpty(sessionId))
        {
            return Task.CompletedTask;
        }

        // A new principal each request: the stored one may be the instance this server caches for every request.
        var identities = stored.Identities.Where(i => i.AuthenticationType != IdentityType).Select(i => i.Clone()).ToList();
        identities.Add(new ClaimsIdentity([new Claim(SessionIdClaim, sessionId)], IdentityType));
        context.ReplacePrincipal(new ClaimsPrincipal(identities));
        return Task.CompletedTask;
    }

    public static string? SessionId(ClaimsPrincipal? principal) =>
        principal?.Identities.FirstOrDefault(i => i.AuthenticationType == IdentityType)?.FindFirst(SessionIdClaim)?.Value;
}

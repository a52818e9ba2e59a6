using System.Security.Claims;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Staff;

/// <summary>
/// Authorizes one staff action, in the service that performs it, against the database as it is now: the session
/// behind the request or circuit must still be live, and the person's role at least the one the action needs. A
/// circuit skips endpoint authorization once open and holds a principal from when it opened, so page attributes
/// alone never suffice (docs/architecture.md, "Staff area").
/// </summary>
public sealed class StaffGate(SessionProbe sessions, StaffDirectory directory)
{
    public async Task<StaffDecision> AuthorizeAsync(ClaimsPrincipal? user, StaffRole needed, CancellationToken cancellationToken)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return StaffDecision.Refuse("You are not signed in. Sign in with your staff account and try again.");
        }

        if (!await sessions.IsLiveAsync(SessionPrincipal.SessionId(user), cancellationToken))
        {
            return StaffDecision.Refuse("Your session has ended (you signed out, your provider signed you out, or it expired). Sign in again to continue. Nothing was changed.");
        }

        var issuer = user.FindFirstValue(OidcClaimTypes.Issuer);
        var subject = user.FindFirstValue(OidcClaimTypes.Subject);
        var role = await directory.CurrentRoleAsync(issuer, subject, cancellationToken);
        if (role is not { } current)
        {
            return StaffDecision.Refuse("Your account has no staff role (any more). Nothing was changed.");
        }

        if (current < needed)
        {
            return StaffDecision.Refuse($"This needs the {needed} role; your role is {current}. Nothing was changed.");
        }

        var name = user.FindFirstValue(OidcClaimTypes.Name) ?? user.FindFirstValue(OidcClaimTypes.Email) ?? subject!;
        return StaffDecision.Allow(new StaffActor(issuer!, subject!, name, current));
    }
}

/// <summary>The gate's answer: an actor to act as, or a refusal in words for the person refused.</summary>
public sealed record StaffDecision(StaffActor? Actor, string? Refusal)
{
    public static StaffDecision Allow(StaffActor actor) => new(actor, null);

    public static StaffDecision Refuse(string message) => new(null, message);

    public StaffResult Refused() => StaffResult.Refused(Refusal ?? "Not allowed.");
}

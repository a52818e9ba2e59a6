using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;
using PublisherPortal.Staff;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// An admin as the staff services see one (an authenticated principal whose session is live and whose role is a row
/// in the staff table), written straight to the database: for tests about what an admin's change does next (on other
/// instances, behind nginx), not about signing staff in (that is <see cref="StaffSite"/>).
/// </summary>
public static class StaffActing
{
    public static async Task<ClaimsPrincipal> AdminAsync(IServiceProvider services)
    {
        const string issuer = "https://pliro.example";
        var subject = "cus_admin_" + Guid.NewGuid().ToString("N");
        var sessionId = Guid.NewGuid().ToString("N");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.StaffMembers.Add(new StaffMember { Issuer = issuer, Subject = subject, Role = StaffRole.Admin, GrantedAt = now, GrantedBy = "test", Name = "Test admin" });
            db.ReaderSessions.Add(new ReaderSession
            {
                Id = sessionId, Provider = "pliro", Issuer = issuer, Subject = subject, Ticket = [], CreatedAt = now, LastSeenAt = now, ExpiresAt = now.AddHours(1),
            });
            await db.SaveChangesAsync();
        }

        return new ClaimsPrincipal(
        [
            new ClaimsIdentity([new Claim(OidcClaimTypes.Issuer, issuer), new Claim(OidcClaimTypes.Subject, subject), new Claim(OidcClaimTypes.Name, "Test admin")], "test"),
            new ClaimsIdentity([new Claim(SessionPrincipal.SessionIdClaim, sessionId)], SessionPrincipal.IdentityType),
        ]);
    }
}

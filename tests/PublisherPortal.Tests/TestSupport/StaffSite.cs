using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Oidc;
using PublisherPortal.Staff;
using PublisherPortal.Testing;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// The demo site (providers offline) with one person in each staff role, a plain reader and nobody, for tests that ask
/// "who may do what". The admin is made by <c>Portal:Admins</c> as on a real site; the other roles are rows in
/// the staff table, as the staff screen writes them.
/// </summary>
public sealed class StaffSite : PortalFactory
{
    public StaffSite()
        : this(adminBySettings: true)
    {
    }

    private StaffSite(bool adminBySettings)
        : base(adminBySettings ? PortalSetup.Offline.With("Portal:Admins:0", $"{Issuer}|{AdminSubject}") : PortalSetup.Offline)
    {
    }

    /// <summary>A site whose admin is only a row in the staff table (no <c>Portal:Admins</c>): the screen can remove them.</summary>
    public static StaffSite WithoutSettingsAdmin() => new(adminBySettings: false);

    public const string Issuer = "https://pliro.example";
    public const string AdminSubject = "cus_staff_admin";

    /// <summary>Signs a persona in (granting its role first) in a browser of its own.</summary>
    public async Task<Persona> PersonaAsync(string persona)
    {
        var browser = NewBrowser();
        var client = browser.CreateClient();
        if (persona == "anonymous")
        {
            return new Persona(persona, this, browser, client, null);
        }

        var subject = persona == "admin" ? AdminSubject : $"cus_staff_{persona}_{Guid.NewGuid():N}";
        if (Enum.TryParse<StaffRole>(persona, ignoreCase: true, out var role) && role != StaffRole.Admin)
        {
            await GrantAsync(subject, role);
        }

        var response = await client.PostAsync(TestSignIn.Path, new FormUrlEncodedContent(
        [
            new("provider", "pliro"), new(OidcClaimTypes.Subject, subject), new(OidcClaimTypes.Name, $"Staff {persona}"),
            new(OidcClaimTypes.Email, $"{persona}@gazette.test"),
        ]));
        response.EnsureSuccessStatusCode();
        return new Persona(persona, this, browser, client, subject);
    }

    /// <summary>Writes a staff row and announces it, as the staff screen does.</summary>
    public async Task GrantAsync(string subject, StaffRole role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var member = new StaffMember { Issuer = Issuer, Subject = subject, Role = role, GrantedAt = DateTime.UtcNow, GrantedBy = "test", Name = subject };
        db.StaffMembers.Add(member);
        await db.SaveChangesAsync();
        await Services.GetRequiredService<IInstanceSignals>().PublishAsync(SignalChannels.StaffRolesChanged, member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task<int> AuditCountAsync(string action) => DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action));
}

/// <summary>One person's browser on the site, and the principal the site's pipeline builds from its cookie.</summary>
public sealed record Persona(string Name, StaffSite Site, TestBrowser Browser, HttpClient Client, string? Subject)
{
    /// <summary>
    /// What the site's authentication makes of this browser's cookie, exactly as a request (or the <c>/_blazor</c>
    /// connection that opens a circuit) gets it: cookie, server-side session, session id, staff role from the database.
    /// </summary>
    public async Task<ClaimsPrincipal> PrincipalAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(new Uri(PortalFactory.BaseUrl).Host);
        context.Request.Path = "/admin";
        context.Request.Headers.Cookie = Browser.Cookies.GetCookieHeader(new Uri(PortalFactory.BaseUrl));
        var result = await context.AuthenticateAsync();
        return result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
    }
}

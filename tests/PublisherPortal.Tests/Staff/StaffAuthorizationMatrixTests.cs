using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Admin.Plans;
using PublisherPortal.Admin.Providers;
using PublisherPortal.Admin.Readers;
using PublisherPortal.Admin.Tiers;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Tests.Staff;

/// <summary>
/// Who may open which staff page and do which staff action, through the real pipeline: every persona signs in (cookie,
/// server-side session), every page is requested over HTTP (endpoint authorization, then the prerendered page), and
/// every action is called with the principal the site's authentication builds from the persona's cookie, the one a
/// circuit gets. Each action's own check is what stands when a circuit skips endpoint authorization.
/// </summary>
public sealed class StaffAuthorizationMatrixTests(StaffSite site) : IClassFixture<StaffSite>
{
    public static readonly string[] Personas = ["anonymous", "reader", "contributor", "author", "editor", "admin"];

    /// <summary>Each staff page and the least role that opens it.</summary>
    private static readonly Dictionary<string, StaffRole> Pages = new()
    {
        ["/admin"] = StaffRole.Contributor,
        ["/admin/tiers"] = StaffRole.Admin,
        ["/admin/plans"] = StaffRole.Admin,
        ["/admin/readers"] = StaffRole.Admin,
        ["/admin/staff"] = StaffRole.Admin,
        ["/admin/audit"] = StaffRole.Admin,
        ["/admin/providers"] = StaffRole.Admin,
        ["/newsroom"] = StaffRole.Contributor,
        ["/newsroom/articles/new"] = StaffRole.Contributor,
        ["/newsroom/taxonomy"] = StaffRole.Editor,
        ["/newsroom/preview/1"] = StaffRole.Contributor,
    };

    public static TheoryData<string, string> PageCells() => Cells(Pages.Keys);

    [Theory]
    [MemberData(nameof(PageCells))]
    public async Task Each_staff_page_opens_for_the_roles_it_names_and_sends_everyone_else_away(string persona, string page)
    {
        var who = await site.PersonaAsync(persona);

        var response = await who.Client.GetAsync(page);

        if (persona == "anonymous")
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery());
        }
        else if (RoleOf(persona) is { } role && role >= Pages[page])
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Back office", await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery());
        }
    }

    /// <summary>
    /// Every staff action, called the way its page calls it, with input that the action refuses on its merits
    /// (invalid, or about a row that does not exist) once the caller is allowed: so the matrix changes nothing, and an
    /// allowed caller is told about the input while a refused one is told about their role.
    /// </summary>
    private static readonly Dictionary<string, Func<IServiceProvider, System.Security.Claims.ClaimsPrincipal, Task<StaffResult?>>> Actions = new()
    {
        ["tiers.list"] = async (s, u) => (await s.GetRequiredService<TierService>().ListAsync(u, null, null, false, 0, 10, default)).Refusal,
        ["tiers.create"] = (s, u) => Nullable(s.GetRequiredService<TierService>().CreateAsync(u, new TierForm { Name = "", Slug = "Bad Slug" }, default)),
        ["tiers.update"] = (s, u) => Nullable(s.GetRequiredService<TierService>().UpdateAsync(u, -1, new TierForm { Name = "X", Slug = "x", Rank = 999_999 }, default)),
        ["tiers.delete"] = (s, u) => Nullable(s.GetRequiredService<TierService>().DeleteAsync(u, -1, new TierForm(), default)),
        ["mappings.list"] = async (s, u) => (await s.GetRequiredService<PlanMappingService>().ListAsync(u, "pliro", null, null, false, 0, 10, default)).Refusal,
        ["mappings.unmapped"] = async (s, u) => (await s.GetRequiredService<PlanMappingService>().UnmappedAsync(u, null, false, 0, 10, default)).Refusal,
        ["mappings.create"] = (s, u) => Nullable(s.GetRequiredService<PlanMappingService>().CreateAsync(u, new PlanMappingForm { Provider = "nowhere", PlanKey = "x" }, default)),
        ["mappings.update"] = (s, u) => Nullable(s.GetRequiredService<PlanMappingService>().UpdateAsync(u, -1, new PlanMappingForm { TierId = -1 }, default)),
        ["mappings.delete"] = (s, u) => Nullable(s.GetRequiredService<PlanMappingService>().DeleteAsync(u, -1, new PlanMappingForm(), default)),
        ["staff.list"] = async (s, u) => (await s.GetRequiredService<StaffRoleCommands>().ListAsync(u, null, null, false, 0, 10, default)).Refusal,
        ["staff.grant"] = (s, u) => Nullable(s.GetRequiredService<StaffRoleCommands>().GrantAsync(u, new StaffGrantForm { Issuer = "not a url" }, default)),
        ["staff.change"] = (s, u) => Nullable(s.GetRequiredService<StaffRoleCommands>().ChangeAsync(u, -1, StaffRole.Editor, StaffRole.Admin, default)),
        ["staff.revoke"] = (s, u) => Nullable(s.GetRequiredService<StaffRoleCommands>().RevokeAsync(u, -1, StaffRole.Editor, default)),
        ["audit.search"] = async (s, u) => (await s.GetRequiredService<AuditLog>().SearchAsync(u, new AuditFilter(), 0, 10, default)).Refusal,
        ["readers.explain"] = async (s, u) => (await s.GetRequiredService<ReaderAccessExplainer>().ExplainAsync(u, "nobody@example.com", null, default)).Refusal,
        ["providers.check"] = async (s, u) => (await s.GetRequiredService<ProviderStatusService>().CheckAllAsync(u, default)).Refusal,
    };

    public static TheoryData<string, string> ActionCells() => Cells(Actions.Keys);

    [Theory]
    [MemberData(nameof(ActionCells))]
    public async Task Each_staff_action_is_authorized_again_by_the_service_it_calls(string persona, string action)
    {
        var who = await site.PersonaAsync(persona);
        var principal = await who.PrincipalAsync();

        var refusal = await Actions[action](site.Services, principal);

        // Every action of this back office is the admin's.
        if (persona == "admin")
        {
            Assert.True(refusal is null || refusal.Outcome != StaffOutcome.Refused, $"{action} refused the admin: {refusal?.Message}");
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Equal(StaffOutcome.Refused, refusal.Outcome);
            Assert.Contains(persona == "anonymous" ? "not signed in" : RoleOf(persona) is null ? "no staff role" : "needs the Admin role", refusal.Message);
        }
    }

    [Fact]
    public async Task An_admin_whose_session_ended_is_refused_at_once_with_the_reason()
    {
        var admin = await site.PersonaAsync("admin");
        var principal = await admin.PrincipalAsync();
        await site.Services.GetRequiredService<PublisherPortal.Sessions.SessionTerminator>()
            .EndSubjectAsync(StaffSite.Issuer, StaffSite.AdminSubject, PublisherPortal.Sessions.SessionEndReason.BackchannelLogout, default);

        var result = await site.Services.GetRequiredService<TierService>().DeleteAsync(principal, -1, new TierForm(), default);

        Assert.Equal(StaffOutcome.Refused, result.Outcome);
        Assert.Contains("Your session has ended", result.Message);
    }

    [Fact]
    public async Task An_editor_whose_role_is_revoked_cannot_act_on_the_principal_they_still_hold()
    {
        var editor = await site.PersonaAsync("editor");
        var principal = await editor.PrincipalAsync();
        Assert.Equal(StaffRole.Editor, StaffClaims.RoleOf(principal));
        var gate = site.Services.GetRequiredService<StaffGate>();
        Assert.NotNull((await gate.AuthorizeAsync(principal, StaffRole.Editor, default)).Actor);

        await site.DbAsync(db => db.StaffMembers.Where(m => m.Subject == editor.Subject).ExecuteDeleteAsync());

        // The principal (a circuit's, captured before) still says Editor; the gate asks the database.
        Assert.Equal(StaffRole.Editor, StaffClaims.RoleOf(principal));
        var decision = await gate.AuthorizeAsync(principal, StaffRole.Editor, default);
        Assert.Null(decision.Actor);
        Assert.Contains("no staff role", decision.Refusal);
    }

    private static StaffRole? RoleOf(string persona) => Enum.TryParse<StaffRole>(persona, ignoreCase: true, out var role) ? role : null;

    private static TheoryData<string, string> Cells(IEnumerable<string> columns)
    {
        var data = new TheoryData<string, string>();
        foreach (var persona in Personas)
        {
            foreach (var column in columns)
            {
                data.Add(persona, column);
            }
        }

        return data;
    }

    private static async Task<StaffResult?> Nullable(Task<StaffResult> result) => await result;
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

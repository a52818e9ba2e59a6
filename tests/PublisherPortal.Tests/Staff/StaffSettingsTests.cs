using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Tests.Staff;

/// <summary>The staff settings are checked at start-up, naming the key; Development roles exist only in Development.</summary>
public sealed class StaffSettingsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:31")]
    [InlineData("00:05:00")]
    public void A_revalidation_interval_outside_one_to_thirty_seconds_stops_start_up(string interval)
    {
        using var portal = new PortalFactory(new PortalSetup().With("Staff:RevalidationInterval", interval));

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("Staff:RevalidationInterval", error.Message);
    }

    [Fact]
    public void Development_roles_outside_development_stop_start_up()
    {
        using var portal = new PortalFactory(new PortalSetup { Environment = "Staging" }
            .With("Staff:DevelopmentRoles:0", "https://pliro.example|cus_x|Admin"));

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("Staff:DevelopmentRoles", error.Message);
        Assert.Contains("Development only", error.Message);
    }

    [Fact]
    public void A_malformed_development_role_stops_start_up_naming_the_entry()
    {
        using var portal = new PortalFactory(PortalSetup.StandIns.With("Staff:DevelopmentRoles:9", "/dev/pliro|cus_x|Owner"));

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("'/dev/pliro|cus_x|Owner'", error.Message);
    }

    [Fact]
    public async Task The_stand_ins_test_staff_become_staff_by_the_development_settings_at_their_issuer_on_this_base_url()
    {
        using var portal = new PortalFactory(PortalSetup.StandIns);
        var admin = await portal.SignInAsync("pliro", "cus_dev0000000000101");
        await portal.SignInAsync("pliro", "cus_dev0000000000102");
        var stranger = await portal.SignInAsync("pliro", "cus_dev0000000000001");

        // The stand-in Pliro's issuer is {Portal:BaseUrl}/dev/pliro; TestSignIn says https://pliro.example: no match.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/admin")).StatusCode);

        var issuer = PortalFactory.BaseUrl + "/dev/pliro";
        var realAdmin = await SignInAtAsync(portal, issuer, "cus_dev0000000000101");
        var realEditor = await SignInAtAsync(portal, issuer, "cus_dev0000000000102");
        Assert.Equal(HttpStatusCode.OK, (await realAdmin.GetAsync("/admin/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await realEditor.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await realEditor.GetAsync("/admin/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin")).StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublisherPortal.Data.PortalDbContext>();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.StaffBootstrap));
        Assert.Equal(StaffRole.Editor, (await db.StaffMembers.SingleAsync(s => s.Subject == "cus_dev0000000000102")).Role);
    }

    private static async Task<HttpClient> SignInAtAsync(PortalFactory portal, string issuer, string subject)
    {
        var client = portal.NewBrowser().CreateClient();
        var response = await client.PostAsync(TestSignIn.Path, new FormUrlEncodedContent(
            [new("provider", "pliro"), new("iss", issuer), new("sub", subject), new("name", subject)]));
        response.EnsureSuccessStatusCode();
        return client;
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Sessions;
using PublisherPortal.Staff.Circuits;
using PublisherPortal.Staff.Layout;

namespace PublisherPortal.Tests.Admin.Components;

/// <summary>The staff layout: shows who is signed in, and when its circuit's session ends, hides the page and leaves for the closed page.</summary>
public sealed class StaffLayoutTests(StaffSite site) : IClassFixture<StaffSite>
{
    [Fact]
    public async Task When_the_session_ends_the_page_is_replaced_by_the_reason_and_the_browser_leaves_for_the_closed_page()
    {
        var editor = await site.PersonaAsync("editor");
        await using var ctx = new StaffComponentContext(site, await editor.PrincipalAsync(), renderPopoverProvider: false);
        var guard = ctx.Services.GetRequiredService<StaffCircuitGuard>();
        await guard.StartAsync(default);
        var layout = ctx.Render<StaffLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"secret\">Staff-only content</p>"))));
        Assert.NotNull(layout.Find("#secret"));
        Assert.Contains("Staff editor", layout.Find("[data-testid=staff-user]").TextContent);
        Assert.Contains("Editor", layout.Find(".staff-role").TextContent);

        await site.Services.GetRequiredService<SessionTerminator>()
            .EndSubjectAsync(StaffSite.Issuer, editor.Subject!, SessionEndReason.BackchannelLogout, default);

        layout.WaitForAssertion(() => Assert.Contains("Your session has ended", layout.Find(".staff-closed").TextContent));
        Assert.Empty(layout.FindAll("#secret"));
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith("/admin/closed?reason=session-ended", navigation.Uri);
    }
}

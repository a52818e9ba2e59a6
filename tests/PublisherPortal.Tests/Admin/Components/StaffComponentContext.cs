using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using PublisherPortal.Infrastructure;
using PublisherPortal.Staff;

namespace PublisherPortal.Tests.Admin.Components;

/// <summary>
/// bUnit for staff components, set up as MudBlazor needs (loose JS interop, its services, a rendered popover provider)
/// and wired to a real test site's services, so a component's actions reach the database through the same services
/// and checks as in a circuit. The signed-in user is the principal the site's pipeline built for a persona.
/// </summary>
public sealed class StaffComponentContext : BunitContext
{
    public StaffComponentContext(StaffSite site, ClaimsPrincipal user, bool renderPopoverProvider = true)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var auth = new ServerAuthenticationStateProvider();
        auth.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        Services.AddSingleton<AuthenticationStateProvider>(auth);
        Services.AddCascadingAuthenticationState();
        Services.AddAuthorizationCore();
        // bUnit registers a placeholder that throws; the staff pages are tested against ASP.NET Core's own policy evaluation.
        Services.Replace(ServiceDescriptor.Transient<Microsoft.AspNetCore.Authorization.IAuthorizationService, Microsoft.AspNetCore.Authorization.DefaultAuthorizationService>());
        Services.AddAuthorizationBuilder().AddStaffPolicies();
        Services.AddSingleton<AntiforgeryStateProvider>(new NoAntiforgery());
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        foreach (var type in SiteServices)
        {
            Services.AddSingleton(type, site.Services.GetRequiredService(type));
        }

        // The staff layout's guard, one per context as one per circuit; a test starts it when it needs it.
        Services.AddScoped<PublisherPortal.Staff.Circuits.StaffCircuitGuard>();
        if (renderPopoverProvider)
        {
            // What the staff layout renders for the pages inside it; a test of the layout itself gets the layout's own.
            Render<MudPopoverProvider>();
        }
    }

    /// <summary>What staff components inject, taken from the test site.</summary>
    private static readonly Type[] SiteServices =
    [
        typeof(PublisherPortal.Admin.Tiers.TierService), typeof(PublisherPortal.Admin.Plans.PlanMappingService),
        typeof(PublisherPortal.Admin.Readers.ReaderAccessExplainer), typeof(PublisherPortal.Admin.Providers.ProviderStatusService),
        typeof(StaffRoleCommands), typeof(PublisherPortal.Staff.Audit.AuditLog), typeof(StaffDirectory), typeof(PublisherPortal.Sessions.SessionProbe),
        typeof(PublisherPortal.Infrastructure.Signals.IInstanceSignals), typeof(TimeProvider), typeof(IOptions<PortalOptions>),
        typeof(IOptionsMonitor<StaffOptions>),
        typeof(PublisherPortal.Newsroom.Stories.StoryQueries), typeof(PublisherPortal.Newsroom.Stories.StoryCommands),
        typeof(PublisherPortal.Newsroom.Stories.StoryLifecycle), typeof(PublisherPortal.Newsroom.Preview.ReaderPreview),
        typeof(PublisherPortal.Newsroom.Taxonomy.TaxonomyCommands),
        typeof(PublisherPortal.Newsroom.Images.ImageUploads),
    ];

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}

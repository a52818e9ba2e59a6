using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PublisherPortal.Accounts;
using PublisherPortal.Admin;
using PublisherPortal.Caching;
using PublisherPortal.Components;
using Microsoft.Extensions.Options;
using PublisherPortal.Data;
using PublisherPortal.Data.Seed;
using PublisherPortal.DevProviders;
using PublisherPortal.Entitlements;
using PublisherPortal.Infrastructure;
using PublisherPortal.Infrastructure.Health;
using PublisherPortal.Infrastructure.Telemetry;
using PublisherPortal.Media;
using PublisherPortal.Providers;
using PublisherPortal.Feeds;
using PublisherPortal.Sessions;
using PublisherPortal.Staff.Circuits;

namespace PublisherPortal.Composition;

public static class PortalApplicationExtensions
{
    /// <summary>Migrates the database and seeds the demo publication when configured, before the first request.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(app.Lifetime.ApplicationStopping);
        if (scope.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value.SeedDemoContent)
        {
            await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        }
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        // First: everything after it sees the client's address and scheme, when the configured proxy vouches for them.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        // Before the status pages, so a 429 keeps its own short answer and Retry-After.
        app.UseRateLimiter();

        // An anonymous page already in memory is answered here, before everything below (docs/caching.md).
        app.UseAnonymousPageFrontDoor();
        app.UseHeadAsGet();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Only reads get the friendly page: re-executing a failed POST would replay it against the page's own form
        // handling (and its antiforgery check) instead of reporting the original error.
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });
        app.UseSecurityHeaders();
        // Explicit, so endpoints are matched after HEAD became GET and after a status page's re-execution.
        app.UseRouting();
        // Anonymous pages from memory: after routing (which page is it, did it opt in?), before authentication (a hit
        // needs no session). A return from checkout goes through, so the plan refresh middleware sees its marker.
        app.UseAnonymousPageCache(EntitlementOptions.RefreshParameter);
        app.UseAuthentication();
        app.UseStaffCircuitEntry();
        app.UseMiddleware<PlanRefreshMiddleware>();
        app.UseSignInStart();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AnswerNotFoundWhenTheFileIsMissing();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapPortalTelemetry();
        app.MapFeeds();
        app.MapMedia();
        app.MapSignOut();
        app.MapBackchannelLogout();
        if (DevProvidersSwitch.IsEnabled(app.Configuration, app.Environment))
        {
            app.MapDevProviders();
            app.Logger.LogWarning(
                "Stand-in providers are ON under /dev: anyone who can reach {BaseUrl} can sign in as any test reader. Development only.",
                app.Configuration[$"{PortalOptions.SectionName}:BaseUrl"]);
        }

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().KeepReaderPagesStatic();
        return app;
    }
}

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PublisherPortal.Components;
using PublisherPortal.Data;
using PublisherPortal.Feeds;

namespace PublisherPortal.Infrastructure;

public static class PortalApplicationExtensions
{
    /// <summary>Migrates the database and seeds the demo publication when configured, before the first request.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSecurityHeaders();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapFeeds();
        app.MapRazorComponents<App>();
        return app;
    }
}

using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure;

namespace PublisherPortal.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>The tagged memory of pages and query results; settings validated at start-up.</summary>
    public static IServiceCollection AddContentCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CachingOptions>().Bind(configuration.GetSection(CachingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CachingOptions>, CachingOptionsValidator>();
        services.AddSingleton<ContentMemory>();
        services.AddSingleton<ContentCache>();
        services.AddSingleton(sp => new AnonymousRequest(sp.GetRequiredService<CookieNames>().Session));
        return services;
    }

    /// <summary>
    /// Anonymous pages already in memory, answered first: place as early as possible (after the error handler and
    /// HSTS, which every response needs), before HEAD handling, status pages, security headers and routing.
    /// </summary>
    public static IApplicationBuilder UseAnonymousPageFrontDoor(this IApplicationBuilder app) =>
        app.UseMiddleware<AnonymousPageFrontDoor>();

    /// <summary>
    /// Anonymous pages from memory, and the place they are rendered into it. Place after routing (it reads the page's metadata) and before authentication (a
    /// hit needs none). Requests carrying one of <paramref name="bypassParameters"/> (a marker another middleware acts
    /// on) always go through.
    /// </summary>
    public static IApplicationBuilder UseAnonymousPageCache(this IApplicationBuilder app, params string[] bypassParameters) =>
        app.UseMiddleware<AnonymousPageCache>((IReadOnlyCollection<string>)bypassParameters);
}

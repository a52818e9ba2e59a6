using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Infrastructure.Protection;

public static class ProtectionServiceCollectionExtensions
{
    /// <summary>The body Kestrel accepts when <c>Kestrel:Limits:MaxRequestBodySize</c> does not say otherwise (ASP.NET's own default is 30 MB).</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>
    /// What stands between the site and a hostile client (docs/operations.md, "Protection"): forwarded headers honoured
    /// only from the configured proxy, rate limits per client address, request size limits, HSTS.
    /// </summary>
    public static WebApplicationBuilder AddRequestProtection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET trusts loopback by default; here nobody is trusted unless the settings name them.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // One proxy: the last address it appended is the client's; anything before it the client wrote itself.
            forwarded.ForwardLimit = 1;
        });

        services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddClientAddressRateLimits();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            if (context.Configuration["Kestrel:Limits:MaxRequestBodySize"] is null)
            {
                kestrel.Limits.MaxRequestBodySize = DefaultMaxRequestBodySize;
            }
        });

        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = false; // a publisher's other subdomains are not ours to decide
        });
        return builder;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Oidc;

/// <summary>Registration: one authentication scheme per provider.</summary>
public static class OidcExtensions
{
    /// <summary>
    /// Registers one scheme per child of <paramref name="providersSection"/> (the <c>Providers</c> section):
    /// scheme name = the key, callback <c>/signin-{key}</c>. <paramref name="configure"/> runs after settings
    /// are read (e.g. to set <c>BaseUrl</c> or events). Settings are validated when the app starts.
    /// </summary>
    public static AuthenticationBuilder AddOidcProviders(this AuthenticationBuilder builder, IConfiguration providersSection,
        Action<string, OidcProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(providersSection);
        // With no providers configured the catalog is simply empty: pages and endpoints that ask for it still work.
        AddSharedServices(builder.Services);
        foreach (var provider in providersSection.GetChildren())
        {
            var key = provider.Key;
            AddCore(builder, key, provider["DisplayName"] ?? key, options =>
            {
                options.SettingsPath = provider.Path;
                OidcSettingsReader.Read(provider, options);
                configure?.Invoke(key, options);
            });
        }
        return builder;
    }

    /// <summary>Registers one provider scheme configured in code (call <c>UseTypeDefaults</c> to start from a Type).</summary>
    public static AuthenticationBuilder AddOidcProvider(this AuthenticationBuilder builder, string key, Action<OidcProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(builder, key, null, options =>
        {
            options.SettingsPath = $"{OidcDefaults.ProvidersSectionName}:{key}";
            configure(options);
        });
    }

    private static AuthenticationBuilder AddCore(AuthenticationBuilder builder, string key, string? displayName, Action<OidcProviderOptions> configure)
    {
        var services = builder.Services;
        AddSharedServices(services);
        services.AddSingleton(new OidcProviderRegistration(key));
        services.AddOptions<OidcProviderOptions>(key).ValidateOnStart();

        return builder.AddRemoteScheme<OidcProviderOptions, OidcHandler>(key, displayName, options =>
        {
            if (!IsValidKey(key))
            {
                options.SettingErrors.Add($"{OidcDefaults.ProvidersSectionName}:{key} is not a usable provider key (use lower-case letters, digits, '-' or '_'; it becomes part of /signin-{{key}})");
            }
            options.Key = key;
            configure(options);
        });
    }

    private static void AddSharedServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OidcProviderOptions>, OidcPostConfigureOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OidcProviderOptions>, OidcProviderOptionsValidator>());
        services.TryAddSingleton<OidcConfigurationSource>();
        services.TryAddSingleton<IOidcConfigurationSource>(sp => sp.GetRequiredService<OidcConfigurationSource>());
        // The app's shared store (registered before or after us) wins over this single-process default.
        services.TryAddSingleton<IOidcReplayStore>(sp => new InMemoryOidcReplayStore(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(sp => new OidcProviderCatalog(
            sp.GetServices<OidcProviderRegistration>(), sp.GetRequiredService<IOptionsMonitor<OidcProviderOptions>>()));
        services.TryAddSingleton<LogoutTokenValidator>();
        services.TryAddSingleton<OidcTokenRefresher>();
        services.TryAddSingleton<OidcUserInfoReader>();
        services.TryAddSingleton(sp => new OidcProviderProbe(
            sp.GetRequiredService<IOptionsMonitor<OidcProviderOptions>>(), sp.GetRequiredService<OidcProviderCatalog>(), sp.GetService<TimeProvider>()));
    }

    private static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 64 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}

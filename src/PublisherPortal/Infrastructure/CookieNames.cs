namespace PublisherPortal.Infrastructure;

/// <summary>
/// The site's cookie names. In Production they carry the <c>__Host-</c> prefix (RFC 6265bis §4.1.3.2): the browser
/// then accepts them only Secure, for the whole host and no domain, so neither a sibling subdomain nor a plain-http
/// page can plant or overwrite them. Elsewhere plain names, so a newcomer's first run works on http://localhost.
/// </summary>
public sealed class CookieNames(bool hostPrefixed)
{
    public static CookieNames For(IHostEnvironment environment) => new(environment.IsProduction());

    public bool HostPrefixed { get; } = hostPrefixed;

    /// <summary>The reader's session id (Accounts/ReaderAuthentication).</summary>
    public string Session => Name("portal.session");

    /// <summary>The antiforgery token's cookie half.</summary>
    public string Antiforgery => Name("portal.antiforgery");

    /// <summary>Marks that a stale-plan refresh was attempted (Providers/PlanRefreshMiddleware).</summary>
    public string PlanCheck => Name("portal.plans_checked");

    private string Name(string name) => HostPrefixed ? "__Host-" + name : name;
}

namespace PublisherPortal.Infrastructure.Protection;

/// <summary>
/// Requests one client address may make per window (section <c>RateLimits</c>); beyond that, 429 with Retry-After.
/// Behind the configured proxy the address is the forwarded one (<see cref="ProxyOptions"/>).
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Starting a sign-in (<c>/account/login?provider=</c>) and the provider's callbacks (<c>/signin-{key}</c>, <c>/signout-callback-{key}</c>).</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>/backchannel-logout/{key}</c>: a provider's servers send one per reader who signs out there, so the limit is high.</summary>
    public RateLimit BackchannelLogout { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>/search</c>: each query reads the database.</summary>
    public RateLimit Search { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
}

public sealed class RateLimit
{
    /// <summary>Requests allowed per window (0 to 1,000,000); 0 turns the limit off.</summary>
    public int PermitLimit { get; set; }

    /// <summary>One second to one day.</summary>
    public TimeSpan Window { get; set; }
}

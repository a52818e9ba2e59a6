namespace PublisherPortal.Tests.TestSupport;

/// <summary>What a test site is made of, beyond the demo publication every one of them serves.</summary>
public sealed record PortalSetup
{
    /// <summary>The hosting environment: Testing by default; the stand-ins need Development, hardening tests Production.</summary>
    public string Environment { get; init; } = "Testing";

    public ProviderSetup Providers { get; init; } = ProviderSetup.None;

    /// <summary>The public key Pliro signs with, for <see cref="ProviderSetup.Pliro"/> (a <see cref="LogoutTokenMinter"/>'s).</summary>
    public string? PliroSigningKeyPem { get; init; }

    /// <summary>Settings on top of the setup's own (a value of null removes one).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Another instance's SQLite file: two sites on one database are two instances behind a load balancer.</summary>
    public string? SharedDatabasePath { get; init; }

    /// <summary>Answers the relying party's calls to an offline provider (its token endpoint, for refresh tests).</summary>
    public HttpMessageHandler? ProviderBackchannel { get; init; }

    public static PortalSetup Offline { get; } = new() { Providers = ProviderSetup.Offline };

    public static PortalSetup StandIns { get; } = new() { Providers = ProviderSetup.StandIns, Environment = "Development" };

    /// <summary>Pliro configured offline with the test's own signing key, for back-channel logout and session tests.</summary>
    public static PortalSetup Pliro(LogoutTokenMinter minter) => new() { Providers = ProviderSetup.Pliro, PliroSigningKeyPem = minter.PublicKeyPem };

    public PortalSetup With(string key, string? value) =>
        this with { Settings = new Dictionary<string, string?>(Settings) { [key] = value } };

    public PortalSetup With(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var merged = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return this with { Settings = merged };
    }
}

/// <summary>Which sign-in providers a test site trusts.</summary>
public enum ProviderSetup
{
    /// <summary>None: the demo site for anonymous readers.</summary>
    None,

    /// <summary>Pliro, Subrite and PixelPin configured offline (endpoints and a PEM key in settings); Subrite's member API is <see cref="PortalFactory.MemberApi"/>.</summary>
    Offline,

    /// <summary>Pliro only, offline, signing with <see cref="PortalSetup.PliroSigningKeyPem"/>.</summary>
    Pliro,

    /// <summary>The local stand-ins, served by the site itself, configured as a newcomer's first run configures them.</summary>
    StandIns,
}

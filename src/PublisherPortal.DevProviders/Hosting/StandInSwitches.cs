namespace PublisherPortal.DevProviders.Hosting;

/// <summary>
/// <c>DevProviders:pliro:*</c>. Each switch is an answer Pliro's documents do not give; the default is the answer
/// the documents imply (docs/providers/pliro.md, "Guesses"), the other lets tests prove the portal copes with both.
/// </summary>
public sealed class PliroStandInOptions : StandInClientOptions
{
    /// <summary>Serve <c>/.well-known/openid-configuration</c> and the JWKS it names. Default false: not documented.</summary>
    public bool PublishDiscovery { get; set; }

    /// <summary>Add <c>state</c> to the post-logout redirect. Default false: the documented redirect carries none.</summary>
    public bool EchoSignOutState { get; set; }

    /// <summary>Put <c>jti</c> and <c>exp</c> in logout tokens, as Back-Channel Logout 1.0 asks. Default false: Pliro's
    /// list of checks names neither.</summary>
    public bool LogoutTokenJti { get; set; }
}

/// <summary><c>DevProviders:pixelpin:*</c> (docs/providers/pixelpin.md, "Guesses").</summary>
public sealed class PixelPinStandInOptions : StandInClientOptions
{
    /// <summary><c>Documented</c> (default): userinfo is <c>id</c>, <c>firstName</c>, <c>email</c> and nothing else.
    /// <c>Plugin</c>: the fields PixelPin's own plugins read (<c>sub</c>, <c>given_name</c>, <c>family_name</c>,
    /// <c>nickname</c>, <c>displayName</c>, <c>address</c> as a JSON string, ...) as well.</summary>
    public PixelPinUserInfoShape UserInfoShape { get; set; } = PixelPinUserInfoShape.Documented;

    /// <summary>Return an ID token from the token endpoint. Default false: the document names only access_token and expires_in.</summary>
    public bool IssueIdToken { get; set; }
}

public enum PixelPinUserInfoShape
{
    Documented,
    Plugin,
}

/// <summary><c>DevProviders:subrite:*</c> (docs/providers/subrite.md, "Guesses").</summary>
public sealed class SubriteStandInOptions : StandInClientOptions
{
    /// <summary>The <c>status</c> word of a subscription the member API returns (it returns active ones only). Default <c>active</c>.</summary>
    public string? ActiveStatus { get; set; }

    /// <summary>What <c>expiresAt</c> says for an active subscription: <c>Future</c> (default), <c>None</c> (null, e.g.
    /// renewing until cancelled) or <c>Past</c> (as in the document's own sample).</summary>
    public SubscriptionExpiry Expiry { get; set; } = SubscriptionExpiry.Future;
}

public enum SubscriptionExpiry
{
    Future,
    None,
    Past,
}

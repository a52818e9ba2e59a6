namespace PublisherPortal.DevProviders.Hosting;

/// <summary>The client registered at one stand-in (<c>DevProviders:{provider}:*</c>). Null means the default.</summary>
public class StandInClientOptions
{
    /// <summary>Default <c>portal-dev-{provider}</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>Default <c>dev-stand-in-secret-{provider}</c>: a development value, never a real credential.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Base64 PKCS#8 private key the stand-in signs with; default: generated at start-up. <c>AddDevProviderSettings</c>
    /// sets Pliro's (in memory) so that the PEM it hands the portal is this key's. A development key, never a real one.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>PiPA only: the claim that carries the plan. PiPA does not document claim names, so this is ours.</summary>
    public string? PlanClaim { get; set; }
}

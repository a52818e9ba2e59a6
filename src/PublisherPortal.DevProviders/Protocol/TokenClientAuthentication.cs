namespace PublisherPortal.DevProviders.Protocol;

/// <summary>The one client authentication method a stand-in accepts at its token endpoint (docs/providers/README.md, side by side).</summary>
internal enum TokenClientAuthentication
{
    /// <summary><c>client_secret_basic</c> only: Pliro.</summary>
    Basic,

    /// <summary><c>client_secret_post</c> only: Subrite, PixelPin, PiPA.</summary>
    Post,
}

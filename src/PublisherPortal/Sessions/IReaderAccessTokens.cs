namespace PublisherPortal.Sessions;

/// <summary>
/// The signed-in reader's access token at their provider, for calls the site makes on their behalf (Subrite's member
/// API, Pliro's userinfo). Tokens stay server-side, in the session.
/// </summary>
public interface IReaderAccessTokens
{
    /// <returns>Null when nobody is signed in, no access token was issued, or it has expired and cannot be renewed.</returns>
    Task<string?> GetAccessTokenAsync(HttpContext context, CancellationToken cancellationToken = default);
}

using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PublisherPortal.Accounts;

/// <summary>Hands out the access token stored in the session while it is still valid.</summary>
public sealed class StoredAccessTokens(TimeProvider clock) : IReaderAccessTokens
{
    /// <summary>Tokens this close to expiry are treated as expired: a call made with them could fail mid-flight.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    public async Task<string?> GetAccessTokenAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded || session.Properties.GetTokenValue("access_token") is not { Length: > 0 } token)
        {
            return null;
        }

        return IsExpired(session.Properties.GetTokenValue("expires_at")) ? null : token;
    }

    private bool IsExpired(string? expiresAt) =>
        DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry)
        && expiry - ExpiryMargin <= clock.GetUtcNow();
}

using Microsoft.AspNetCore.WebUtilities;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// Compares a requested redirect URI with the registered one. Exact match by default; where the provider
/// documents it (Pliro, PiPA), the request may add query parameters the registered URI lacks.
/// </summary>
internal static class RedirectUriMatcher
{
    public static bool Matches(StandInProvider provider, string requested)
    {
        var registered = provider.Client.RedirectUri;
        if (string.Equals(requested, registered, StringComparison.Ordinal))
        {
            return true;
        }

        if (!provider.RedirectUriMayCarryExtraQuery
            || !Uri.TryCreate(requested, UriKind.Absolute, out var asked)
            || !Uri.TryCreate(registered, UriKind.Absolute, out var expected)
            || !string.IsNullOrEmpty(asked.Fragment))
        {
            return false;
        }

        if (!string.Equals(asked.GetLeftPart(UriPartial.Path), expected.GetLeftPart(UriPartial.Path), StringComparison.Ordinal))
        {
            return false;
        }

        // Every registered parameter must be there with its value; extra ones are allowed.
        var askedQuery = QueryHelpers.ParseQuery(asked.Query);
        return QueryHelpers.ParseQuery(expected.Query)
            .All(p => askedQuery.TryGetValue(p.Key, out var value) && value == p.Value);
    }
}

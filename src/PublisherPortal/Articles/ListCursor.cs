namespace PublisherPortal.Articles;

/// <summary>Reads the optional <c>after</c> query parameter of a list page.</summary>
public static class ListCursor
{
    /// <returns>False when a cursor was given but is malformed (the page answers 400).</returns>
    public static bool TryRead(string? after, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(after))
        {
            return true;
        }

        if (!PageCursor.TryParse(after, out var parsed))
        {
            return false;
        }

        cursor = parsed;
        return true;
    }
}

namespace PublisherPortal.Sessions;

/// <summary>Takes a cookie (and its chunks, <c>{name}C1</c>…) out of the request, as if the browser had not sent it.</summary>
internal static class RequestCookies
{
    public static void Remove(HttpRequest request, string name)
    {
        var pairs = request.Headers.Cookie.SelectMany(h => (h ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        // The raw pairs are kept as sent: re-encoding parsed values could change them.
        var kept = pairs.Where(p => !IsPartOf(p.Split('=', 2)[0].Trim(), name)).ToList();
        if (kept.Count == pairs.Count)
        {
            return;
        }

        if (kept.Count == 0)
        {
            request.Headers.Remove("Cookie");
        }
        else
        {
            request.Headers.Cookie = string.Join("; ", kept);
        }
    }

    private static bool IsPartOf(string cookie, string name) =>
        cookie == name
        || (cookie.Length > name.Length + 1 && cookie.StartsWith(name + "C", StringComparison.Ordinal) && cookie[(name.Length + 1)..].All(char.IsAsciiDigit));
}

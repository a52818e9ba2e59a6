using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace PublisherPortal.Testing;

/// <summary>Where a <see cref="TestBrowser"/> navigation ended up.</summary>
public sealed record Page(Uri Url, HttpStatusCode Status, string Body)
{
    public string Path => Url.AbsolutePath;

    public string? Query(string name) =>
        QueryHelpers.ParseQuery(Url.Query).TryGetValue(name, out var value) ? value.ToString() : null;
}

namespace PublisherPortal.Admin;

/// <summary>What an admin command did, in words for the admin: shown on the page it redirects back to.</summary>
public sealed record AdminResult(bool Succeeded, string Message)
{
    public static AdminResult Ok(string message) => new(true, message);

    public static AdminResult Error(string message) => new(false, message);

    /// <summary>Someone else changed or removed the row since this form was shown: refused, never overwritten.</summary>
    public static AdminResult Conflict(string what) =>
        new(false, $"{what} was changed or removed by someone else since you opened this page. Nothing was saved: reload and try again.");

    /// <summary>Post/redirect/get back to <paramref name="page"/>, carrying the message.</summary>
    public IResult RedirectTo(string page) => Results.LocalRedirect(
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(page, Succeeded ? "ok" : "error", Message));
}

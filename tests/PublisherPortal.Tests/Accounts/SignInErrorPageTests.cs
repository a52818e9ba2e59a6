using System.Net;

namespace PublisherPortal.Tests.Accounts;

/// <summary>
/// Anyone can link to the sign-in error page with any query: it explains known errors in our own words and never
/// presents text from the request as the provider's or the site's message.
/// </summary>
public sealed class SignInErrorPageTests(SignedInPortalFactory portal) : IClassFixture<SignedInPortalFactory>
{
    private const string Spoof = "Your account is locked. Call +44 20 7946 0000 to unlock it";

    [Fact]
    public async Task Text_in_the_query_never_appears_on_the_page()
    {
        var (response, body, _) = await portal.CreateReader().GetPageAsync(
            "/account/error?provider=pliro&error=access_denied&description=" + Uri.EscapeDataString(Spoof));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("+44 20 7946 0000", body);
        Assert.Contains("You cancelled signing in", body);
    }

    [Fact]
    public async Task An_unknown_error_code_is_not_shown_as_a_reference()
    {
        var (_, body, document) = await portal.CreateReader().GetPageAsync(
            "/account/error?provider=pliro&error=" + Uri.EscapeDataString("call_0800_123_456_now"));

        Assert.DoesNotContain("0800", body);
        Assert.Null(document.QuerySelector(".error-detail"));
    }

    [Fact]
    public async Task A_known_error_code_is_kept_as_a_reference_for_support()
    {
        var (_, _, document) = await portal.CreateReader().GetPageAsync("/account/error?provider=pliro&error=invalid_id_token");

        Assert.Equal("invalid_id_token", document.QuerySelector(".error-detail code")!.TextContent);
    }

    [Fact]
    public async Task A_signed_in_page_is_never_stored_by_any_cache()
    {
        var reader = await portal.SignInAsync("pliro", "cus_cache");

        var response = await reader.GetAsync("/");

        Assert.Equal("no-store, private", string.Join(", ", response.Headers.CacheControl!.ToString().Split(',', StringSplitOptions.TrimEntries).Order()));
    }
}

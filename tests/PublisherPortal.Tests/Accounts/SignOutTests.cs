using System.Net;
using AngleSharp.Html.Dom;

namespace PublisherPortal.Tests.Accounts;

public sealed class SignOutTests : IDisposable
{
    private readonly LogoutTokenMinter _minter = new();
    private readonly PortalFactory _portal;

    public SignOutTests() => _portal = new PortalFactory(PortalSetup.Pliro(_minter));

    [Theory]
    [InlineData("/\u3002x", "/%E3%80%82x")]
    [InlineData("//evil.example/", "/")]
    public async Task Signing_out_returns_only_to_a_local_page_in_a_form_a_location_header_can_carry(string returnUrl, string expected)
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_out", "sid-out");
        var client = reader.On(_portal);
        var (_, _, account) = await client.GetPageAsync("/account");
        var form = (IHtmlFormElement)account.QuerySelector("form.sign-out")!;
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

        var response = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("returnUrl", returnUrl)]));

        // Signed out here at once; then to the provider's end-session page, which sends the browser back to our
        // sign-out callback, which must land on the local page.
        Assert.False(await reader.IsSignedInAsync(_portal));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var endSession = response.Headers.Location!;
        Assert.StartsWith(LogoutTokenMinter.Issuer + "/oauth/end_session", endSession.OriginalString);
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(endSession.Query)["state"].ToString();
        var back = await client.GetAsync("/signout-callback-pliro?state=" + Uri.EscapeDataString(state));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(expected, back.Headers.Location!.OriginalString);
    }

    public void Dispose()
    {
        _portal.Dispose();
    }
}

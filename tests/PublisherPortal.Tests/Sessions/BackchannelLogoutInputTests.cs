using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PublisherPortal.Tests.Sessions;

/// <summary>
/// Anyone can post to the back-channel logout endpoint. Whatever arrives, the answer is a clear 4xx (never a server
/// error) and no session ends.
/// </summary>
public sealed class BackchannelLogoutInputTests : IDisposable
{
    private readonly LogoutTokenMinter _minter = new();
    private readonly PortalFactory _portal;

    public BackchannelLogoutInputTests() => _portal = new PortalFactory(PortalSetup.Pliro(_minter));

    public static TheoryData<string, int> MalformedBodies => new()
    {
        { "utf-7 charset", 415 },
        { "multipart without a boundary", 400 },
        { "multipart with a broken boundary", 400 },
        { "more than a thousand fields", 400 },
        { "a value over 4 MB", 413 },
        { "a value over 4 MB, chunked", 413 },
        { "json", 400 },
        { "a field name over the limit", 400 },
        { "two logout tokens", 400 },
        { "no content type", 400 },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_gets_a_clear_4xx_and_ends_nothing(string body, int status)
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_1", "sid-1");
        var token = _minter.Sign(_minter.Claims(_portal.Clock.GetUtcNow(), "cus_1", "sid-1"));

        var response = await _portal.CreateReader().PostAsync("/backchannel-logout/pliro", Body(body, token));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync());
        Assert.True(await reader.IsSignedInAsync(_portal));
    }

    [Fact]
    public async Task A_well_formed_utf8_form_with_an_explicit_charset_is_honoured()
    {
        var reader = new ReaderClient();
        await reader.SignInAsync(_portal, "cus_1", "sid-1");
        var content = new StringContent("logout_token=" + _minter.Sign(_minter.Claims(_portal.Clock.GetUtcNow(), "cus_1", "sid-1")), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=UTF-8");

        var response = await _portal.CreateReader().PostAsync("/backchannel-logout/pliro", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await reader.IsSignedInAsync(_portal));
    }

    private static HttpContent Body(string kind, string token)
    {
        var form = "logout_token=" + token;
        return kind switch
        {
            "utf-7 charset" => Typed(form, "application/x-www-form-urlencoded; charset=utf-7"),
            "multipart without a boundary" => Typed("--x\r\nContent-Disposition: form-data; name=\"logout_token\"\r\n\r\n" + token + "\r\n--x--", "multipart/form-data"),
            "multipart with a broken boundary" => Typed("--x\r\nContent-Disposition: form-data; name=\"logout_token\"\r\n\r\n" + token, "multipart/form-data; boundary=x"),
            "more than a thousand fields" => Typed(form + string.Concat(Enumerable.Range(0, 1100).Select(i => $"&f{i}=1")), "application/x-www-form-urlencoded"),
            "a value over 4 MB" => Typed(form + "&padding=" + new string('a', 4 * 1024 * 1024 + 1), "application/x-www-form-urlencoded"),
            "a value over 4 MB, chunked" => Chunked(form + "&padding=" + new string('a', 4 * 1024 * 1024 + 1)),
            "json" => Typed("{\"logout_token\":\"" + token + "\"}", "application/json"),
            "a field name over the limit" => Typed(form + "&" + new string('k', 200) + "=1", "application/x-www-form-urlencoded"),
            "two logout tokens" => Typed(form + "&" + form, "application/x-www-form-urlencoded"),
            "no content type" => new ByteArrayContent(Encoding.ASCII.GetBytes(form)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static HttpContent Typed(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>No Content-Length: the limit must hold while reading, not only from the header.</summary>
    private static HttpContent Chunked(string body)
    {
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
        return content;
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    public void Dispose()
    {
        _portal.Dispose();
    }
}

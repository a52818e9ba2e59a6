using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublisherPortal.Caching;
using PublisherPortal.Infrastructure.Signals;

namespace PublisherPortal.Tests.Caching;

/// <summary>The tagged memory's two rules, the message format between instances, and the "anonymous?" decision, in isolation.</summary>
public sealed class ContentMemoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly InProcessSignals _signals = new(NullLogger<InProcessSignals>.Instance);
    private readonly ContentMemory _memory;

    public ContentMemoryTests() => _memory = new ContentMemory(Options.Create(new CachingOptions { SizeLimitMiB = 1 }), _signals);

    public void Dispose() => _memory.Dispose();

    [Fact]
    public void Evicting_a_tag_drops_every_entry_carrying_it_and_only_those()
    {
        Set("a", ["story:1", "list:latest"]);
        Set("b", ["story:2", "list:latest"]);
        Set("c", ["story:3"]);

        _memory.Evict(["list:latest"]);

        Assert.False(_memory.TryGet("a", Now, out _));
        Assert.False(_memory.TryGet("b", Now, out _));
        Assert.True(_memory.TryGet("c", Now, out _));
    }

    [Fact]
    public void Nothing_computed_before_an_eviction_is_stored_after_it()
    {
        var epoch = _memory.Epoch;
        _memory.Evict(["story:9"]);

        Assert.False(_memory.TrySet("late", new ContentEntry("old text", ["story:1"], DateTimeOffset.MaxValue, 10), epoch));
        Assert.False(_memory.TryGet("late", Now, out _));
        Assert.True(_memory.TrySet("fresh", new ContentEntry("new text", ["story:1"], DateTimeOffset.MaxValue, 10), _memory.Epoch));
    }

    [Fact]
    public void An_entry_ends_on_its_own_at_its_valid_until()
    {
        _memory.TrySet("until-noon", new ContentEntry("x", [], Now.AddMinutes(1), 10), _memory.Epoch);

        Assert.True(_memory.TryGet("until-noon", Now, out _));
        Assert.False(_memory.TryGet("until-noon", Now.AddMinutes(1), out _));
    }

    [Fact]
    public void Everything_evicts_every_entry_and_an_entry_too_big_for_the_budget_is_not_kept()
    {
        Set("a", ["story:1"]);
        Set("b", []);
        _memory.Evict([ContentMemory.EverythingTag]);
        Assert.False(_memory.TryGet("a", Now, out _));
        Assert.False(_memory.TryGet("b", Now, out _));

        Assert.False(_memory.TrySet("huge", new ContentEntry("x", [], DateTimeOffset.MaxValue, 1024 * 1024), _memory.Epoch));
    }

    [Fact]
    public void A_message_on_the_content_channel_from_any_instance_evicts_its_tags()
    {
        Set("a", ["tag:4"]);
        Set("b", ["tag:5"]);

        _signals.Deliver(SignalChannels.ContentChanged, "tag:4 author:7");

        Assert.False(_memory.TryGet("a", Now, out _));
        Assert.True(_memory.TryGet("b", Now, out _));
    }

    [Fact]
    public void Many_tags_travel_in_messages_every_transport_carries()
    {
        var tags = Enumerable.Range(1, 500).Select(i => $"story:{i}").ToList();

        var messages = ContentChangeMessage.Encode(tags).ToList();

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Length <= ContentChangeMessage.MaxLength));
        Assert.Equal(tags, messages.SelectMany(ContentChangeMessage.Decode));
        Assert.Throws<ArgumentException>(() => ContentChangeMessage.Encode(["two words"]).ToList());
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("theme=dark; _ga=GA1.2", null, true)]
    [InlineData("theme=dark; portal.session=abc", null, false)]
    [InlineData("portal.sessionC1=abc; portal.sessionC2=def", null, false)]
    [InlineData(null, "Bearer eyJ", false)]
    public void A_request_is_anonymous_only_without_a_session_cookie_or_an_authorization_header(string? cookie, string? authorization, bool anonymous)
    {
        var context = new DefaultHttpContext();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        Assert.Equal(anonymous, new AnonymousRequest("portal.session").Is(context.Request));
    }

    private void Set(string key, string[] tags) =>
        Assert.True(_memory.TrySet(key, new ContentEntry(key, tags, DateTimeOffset.MaxValue, 10), _memory.Epoch));
}

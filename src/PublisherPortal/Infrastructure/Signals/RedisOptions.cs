namespace PublisherPortal.Infrastructure.Signals;

/// <summary>Redis, optional (section <c>Redis</c>): when configured, signals between instances travel through its pub/sub.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...,ssl=true</c>. Empty: no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of the pub/sub channel, so several sites (or staging and production) can share one Redis.</summary>
    public string ChannelPrefix { get; set; } = "publisherportal:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}

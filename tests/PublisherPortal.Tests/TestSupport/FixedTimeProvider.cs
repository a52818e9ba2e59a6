namespace PublisherPortal.Tests.TestSupport;

/// <summary>A clock that stands still, so seeded content and "is it live yet" agree across a test run.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

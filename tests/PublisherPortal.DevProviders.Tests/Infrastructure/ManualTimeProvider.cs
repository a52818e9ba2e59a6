namespace PublisherPortal.DevProviders.Tests.Infrastructure;

/// <summary>A clock the test moves by hand, so expiry is tested without waiting.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

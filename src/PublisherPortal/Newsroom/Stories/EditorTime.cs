namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// Schedule times as the editor sees them (their browser's time zone, by IANA id) and as they are stored (UTC). An
/// unknown zone falls back to UTC, and says so, rather than guessing.
/// </summary>
public sealed class EditorTime
{
    private EditorTime(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    public static EditorTime Utc { get; } = new(TimeZoneInfo.Utc);

    public static EditorTime For(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? new EditorTime(zone) : Utc;
    }

    /// <summary>A wall-clock time in the editor's zone as an instant; a time the clocks skip (spring forward) is taken an hour later.</summary>
    public DateTimeOffset ToInstant(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    public DateTime ToWallClock(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}

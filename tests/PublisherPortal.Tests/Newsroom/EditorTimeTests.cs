using PublisherPortal.Newsroom.Stories;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>Schedule times: typed in the editor's zone, stored as the UTC instant they mean.</summary>
public sealed class EditorTimeTests
{
    [Fact]
    public void A_wall_clock_time_in_oslo_is_stored_as_its_utc_instant_in_winter_and_in_summer()
    {
        var oslo = EditorTime.For("Europe/Oslo");

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), oslo.ToInstant(new DateTime(2026, 12, 1, 9, 0, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), oslo.ToInstant(new DateTime(2026, 7, 1, 9, 0, 0)));
        Assert.Equal(new DateTime(2026, 7, 1, 9, 0, 0), oslo.ToWallClock(new DateTime(2026, 7, 1, 7, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_time_the_clocks_skip_is_taken_after_the_gap()
    {
        // 29 March 2026, 02:00 → 03:00 in Oslo: 02:30 does not exist; 03:30 local is 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), EditorTime.For("Europe/Oslo").ToInstant(new DateTime(2026, 3, 29, 2, 30, 0)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/AZone")]
    public void An_unknown_zone_is_utc(string? zone)
    {
        Assert.Same(EditorTime.Utc, EditorTime.For(zone));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), EditorTime.Utc.ToInstant(new DateTime(2026, 1, 1, 9, 0, 0)));
    }
}

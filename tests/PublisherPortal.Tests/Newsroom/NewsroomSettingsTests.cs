using Microsoft.Extensions.Options;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>The newsroom's settings are checked at start-up and the error names the key.</summary>
public sealed class NewsroomSettingsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void A_scheduler_interval_outside_one_second_to_an_hour_stops_start_up_naming_the_key(string interval)
    {
        using var portal = new PortalFactory(new PortalSetup().With("Newsroom:SchedulerInterval", interval));

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("Newsroom:SchedulerInterval", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("52428801")]
    public void A_largest_image_outside_one_byte_to_50_mib_stops_start_up_naming_the_key(string bytes)
    {
        using var portal = new PortalFactory(new PortalSetup().With("Newsroom:MaxImageBytes", bytes));

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("Newsroom:MaxImageBytes", error.Message);
    }
}

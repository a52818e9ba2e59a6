using Microsoft.Extensions.Options;

namespace PublisherPortal.Tests.Newsroom;

/// <summary>The newsroom's settings are checked at start-up and the error names the key.</summary>
public sealed class NewsroomSettingsTests
{
    [Theory]
    [InlineData("Newsroom:SchedulerInterval", "00:00:00")] // from one second
    [InlineData("Newsroom:SchedulerInterval", "02:00:00")] // to an hour
    [InlineData("Newsroom:MaxImageBytes", "0")] // from one byte
    [InlineData("Newsroom:MaxImageBytes", "52428801")] // to 50 MiB
    public void A_setting_out_of_its_range_stops_start_up_naming_the_key(string key, string value)
    {
        using var portal = new PortalFactory(new PortalSetup().With(key, value));

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains(key, error.Message);
    }
}

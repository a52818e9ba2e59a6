using PublisherPortal.Infrastructure;

namespace PublisherPortal.Tests.Hosting;

public sealed class AppContentRootTests
{
    [Fact]
    public void Without_a_setting_the_content_root_is_the_apps_own_folder()
    {
        var options = AppContentRoot.Options([]);

        Assert.Equal(AppContext.BaseDirectory, options.ContentRootPath);
    }

    [Theory]
    [InlineData("--contentRoot", "/srv/portal")]
    [InlineData("--contentroot", "/srv/portal")]
    public void A_content_root_given_on_the_command_line_is_left_to_the_host(string key, string value)
    {
        var options = AppContentRoot.Options([key, value]);

        Assert.Null(options.ContentRootPath);
        Assert.Equal(new[] { key, value }, options.Args!);
    }
}

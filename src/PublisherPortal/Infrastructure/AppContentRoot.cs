namespace PublisherPortal.Infrastructure;

/// <summary>
/// ASP.NET Core takes the working directory as the content root, so a service manager that starts
/// <c>dotnet PublisherPortal.dll</c> from elsewhere left the site without its settings and its wwwroot. The content
/// root is the app's own folder instead, unless <c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c> or
/// <c>DOTNET_CONTENTROOT</c> sets it (test hosts do, through the command line).
/// </summary>
public static class AppContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        // Options win over the command line and environment, so only fill in what nothing else set.
        ContentRootPath = IsSetExplicitly(args) ? null : AppContext.BaseDirectory,
    };

    private static bool IsSetExplicitly(string[] args) =>
        !string.IsNullOrEmpty(new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey]);
}

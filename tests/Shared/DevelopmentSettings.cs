using Microsoft.Extensions.Configuration;

namespace PublisherPortal.TestSupport;

/// <summary>
/// The committed appsettings.Development.json (the stand-in providers a newcomer signs in with), flattened to
/// settings and moved to another base URL, so tests prove the first-run settings themselves work.
/// Linked into the test projects that need it.
/// </summary>
public static class DevelopmentSettings
{
    private const string DevelopmentBaseUrl = "http://localhost:5080";

    public static IEnumerable<KeyValuePair<string, string>> For(string baseUrl)
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "PublisherPortal", "appsettings.Development.json"))
            .Replace(DevelopmentBaseUrl, baseUrl, StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable()
            // The test decides the base URL and the demo content itself.
            .Where(setting => setting.Value is not null && setting.Key is not "Portal:BaseUrl" and not "Portal:SeedDemoContent")
            .Select(setting => new KeyValuePair<string, string>(setting.Key, setting.Value!))
            .ToList();
    }

    /// <summary>The checkout's root folder (where PublisherPortal.sln is), found from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublisherPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (PublisherPortal.sln) above " + AppContext.BaseDirectory);
    }
}

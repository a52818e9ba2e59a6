namespace PublisherPortal.E2E.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The checkout's root folder (where PublisherPortal.sln is), found from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PublisherPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (PublisherPortal.sln) above " + AppContext.BaseDirectory);
    }
}

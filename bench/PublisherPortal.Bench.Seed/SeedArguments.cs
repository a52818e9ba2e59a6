using System.Globalization;

namespace PublisherPortal.Bench.Seed;

/// <summary>
/// The generator's own switches. Everything else on the command line (and the environment) is the site's
/// configuration, read exactly as the site reads it: Database__Provider, ConnectionStrings__Portal, ...
/// </summary>
internal sealed record SeedArguments(int Stories, int Seed, DateTime Anchor, string? ManifestPath, string[] SiteArguments)
{
    public const string Usage =
        "usage: PublisherPortal.Bench.Seed --stories N [--seed S] [--anchor yyyy-MM-dd] [--manifest file.json] [site settings...]\n" +
        "  The database comes from the site's settings (Database__Provider, ConnectionStrings__Portal). It must have no stories.\n" +
        "  --anchor: the newest story is published just before this UTC day begins (default: today), so a run is the same all day.";

    public static SeedArguments Parse(string[] args)
    {
        var stories = 10_000;
        var seed = 15;
        var anchor = DateTime.UtcNow.Date;
        string? manifest = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stories":
                    stories = ParseCount(Value(args, ref i));
                    break;
                case "--seed":
                    seed = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--anchor":
                    anchor = DateTime.SpecifyKind(
                        DateTime.ParseExact(Value(args, ref i), "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
                    break;
                case "--manifest":
                    manifest = Value(args, ref i);
                    break;
                case "-h" or "--help":
                    throw new ArgumentException(Usage);
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (stories < 100)
        {
            throw new ArgumentException("--stories must be at least 100 (the benchmark targets need a few of each kind).");
        }

        return new SeedArguments(stories, seed, anchor, manifest, [.. rest]);
    }

    /// <summary>"100000", "100k" and "1m" all work, as bench/run.sh spells sizes.</summary>
    private static int ParseCount(string text)
    {
        var multiplier = text[^1] switch { 'k' or 'K' => 1_000, 'm' or 'M' => 1_000_000, _ => 1 };
        var digits = multiplier == 1 ? text : text[..^1];
        return checked(int.Parse(digits, CultureInfo.InvariantCulture) * multiplier);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.\n{Usage}");
}

using System.Diagnostics;
using PublisherPortal.Bench.Seed;
using PublisherPortal.Data.Seed;

// Fills an empty database (the site's settings say which) with a deterministic publication of N stories and prints,
// or writes to --manifest, the pages bench/run.sh should measure.
SeedArguments arguments;
try
{
    arguments = SeedArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

var clock = Stopwatch.StartNew();
var random = new Random(arguments.Seed);
// The demo publication supplies sections, tiers, plan mappings, tags, authors, standfirsts and paragraphs; its dates
// are irrelevant here, so any fixed instant keeps its output the same.
var demo = DemoPublication.Create(arguments.Anchor);
var newsroom = Newsroom.Create(demo, random);
var bodies = BodyPool.From(demo);

await using var database = await SiteDatabase.OpenAsync(arguments.SiteArguments, stop.Token);
Console.Error.WriteLine($"Migrated {database.ProviderName} in {clock.Elapsed.TotalSeconds:N1} s; writing {arguments.Stories:N0} stories");
var (_, plans, bylines, tagged) = await StoryLoader.LoadAsync(database, newsroom, bodies, arguments.Anchor, arguments.Stories, random, stop.Token);
var targets = await BenchTargets.ChooseAsync(database, newsroom, plans, bylines, tagged, arguments.Anchor);
Console.Error.WriteLine($"Loaded {plans.Count:N0} stories in {clock.Elapsed.TotalSeconds:N1} s");

if (arguments.ManifestPath is { } path)
{
    await File.WriteAllTextAsync(path, targets.ToJson());
}
else
{
    Console.WriteLine(targets.ToJson());
}

return 0;

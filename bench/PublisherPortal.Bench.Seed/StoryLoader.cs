using System.Diagnostics;
using PublisherPortal.Data;

namespace PublisherPortal.Bench.Seed;

/// <summary>
/// Inserts the newsroom, then the stories in batches: one context and one SaveChanges (one transaction, batched
/// commands) per batch, change detection off, so nothing is tracked across batches and memory stays flat.
/// </summary>
internal static class StoryLoader
{
    private const int BatchSize = 2_000;

    public static async Task<(Newsroom Newsroom, IReadOnlyList<StoryPlan> Plans, int[] Bylines, int[] Tagged)> LoadAsync(
        SiteDatabase database, Newsroom newsroom, BodyPool bodies, DateTime anchor, int count, Random random, CancellationToken cancellationToken)
    {
        var ids = await database.WithContextAsync(async db =>
        {
            if (db.Articles.Any() || db.Sections.Any())
            {
                throw new InvalidOperationException("The database already has a publication; the generator fills only an empty one.");
            }

            db.AccessTiers.AddRange(newsroom.Tiers);
            db.PlanMappings.AddRange(newsroom.PlanMappings);
            db.Sections.AddRange(newsroom.Sections);
            db.Tags.AddRange(newsroom.Tags);
            db.Authors.AddRange(newsroom.Authors);
            await db.SaveChangesAsync(cancellationToken);
            return (Sections: newsroom.Sections.Select(s => s.Id).ToArray(), Tiers: newsroom.Tiers.Select(t => t.Id).ToArray(),
                Tags: newsroom.Tags.Select(t => t.Id).ToArray(), Authors: newsroom.Authors.Select(a => a.Id).ToArray());
        });

        var factory = new StoryFactory(newsroom, ids.Sections, ids.Tiers, ids.Tags, ids.Authors, bodies, anchor, count, random);
        var plans = new List<StoryPlan>(count);
        var bylines = new int[newsroom.Authors.Count];
        var tagged = new int[newsroom.Tags.Count];
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < count; start += BatchSize)
        {
            var batch = new List<Articles.Article>(BatchSize);
            for (var i = start; i < Math.Min(count, start + BatchSize); i++)
            {
                var (article, plan, authors, tags) = factory.Create(i);
                batch.Add(article);
                plans.Add(plan);
                foreach (var a in authors)
                {
                    bylines[a]++;
                }

                foreach (var t in tags)
                {
                    tagged[t]++;
                }
            }

            await database.WithContextAsync(async db =>
            {
                db.Articles.AddRange(batch);
                return await db.SaveChangesAsync(cancellationToken);
            });
            Console.Error.Write($"\r  {plans.Count:N0} / {count:N0} stories ({plans.Count / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s)");
        }

        Console.Error.WriteLine();
        return (newsroom, plans, bylines, tagged);
    }
}

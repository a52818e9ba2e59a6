namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// Tests that count the site's metrics exactly. OpenTelemetry's meter provider listens to meters by name across the
/// whole process, not only to those of its own host's <c>IMeterFactory</c>, so a test site running in parallel
/// (signing a reader out over the back channel, say) would add to the counts. These run alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetricsCollection
{
    public const string Name = "process-wide metrics";
}

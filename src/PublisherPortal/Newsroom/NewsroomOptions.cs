using System.ComponentModel.DataAnnotations;

namespace PublisherPortal.Newsroom;

/// <summary>Settings under <c>Newsroom</c>.</summary>
public sealed class NewsroomOptions
{
    public const string SectionName = "Newsroom";

    /// <summary>How often each instance looks for scheduled stories that are due (they are live for readers from their time regardless).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00",
        ErrorMessage = "Newsroom:SchedulerInterval must be from 00:00:01 to 01:00:00 (how often each instance publishes the stories that are due).")]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest image the newsroom stores. Each upload is held whole in memory while it is checked, and every view
    /// of it reads the row whole, so this stays modest.
    /// </summary>
    [Range(1, 50 * 1024 * 1024,
        ErrorMessage = "Newsroom:MaxImageBytes must be from 1 to 52428800 (50 MiB): the largest image, in bytes, the newsroom stores.")]
    public int MaxImageBytes { get; set; } = 5 * 1024 * 1024;
}

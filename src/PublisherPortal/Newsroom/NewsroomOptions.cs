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
}

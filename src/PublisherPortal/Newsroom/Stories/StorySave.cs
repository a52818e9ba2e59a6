using PublisherPortal.Articles;
using PublisherPortal.Staff;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// What a save did: the story's id and new version when it succeeded; when it was refused as stale, the story as the
/// other person left it (<see cref="Theirs"/>), so the editor can compare and nothing of either is lost.
/// </summary>
public sealed record StorySave(StaffResult Result, int? Id = null, Guid? Version = null, CurrentStory? Theirs = null)
{
    public static implicit operator StorySave(StaffResult result) => new(result);
}

/// <summary>A story as it is in the database now, with who saved it last.</summary>
public sealed record CurrentStory(
    int Id, StoryForm Form, Guid Version, ArticleStatus Status, DateTime? PublishedAt, string? LastSavedBy, DateTime? LastSavedAt, StoryOwner? Owner);

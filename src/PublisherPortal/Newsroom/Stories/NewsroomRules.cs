using PublisherPortal.Articles;
using PublisherPortal.Staff;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>
/// Who may do what to a story: contributors change drafts of their own stories, authors also
/// publish, schedule and unpublish their own, editors do everything, access levels included. Each answer is null
/// (allowed) or the refusal in words; the services ask after <see cref="StaffGate"/> has said the person is staff.
/// </summary>
public static class NewsroomRules
{
    public static string? MayEdit(StaffActor actor, StoryOwner? owner, ArticleStatus status)
    {
        if (actor.Role >= StaffRole.Editor)
        {
            return null;
        }

        if (!Owns(actor, owner))
        {
            return $"As {Article(actor.Role)} {actor.Role} you may change only stories you started; this one is someone else's. Ask an editor. Nothing was changed.";
        }

        return actor.Role == StaffRole.Contributor && status != ArticleStatus.Draft
            ? $"Contributors may change drafts only; this story is {status.ToString().ToLowerInvariant()}. Ask an author or an editor. Nothing was changed."
            : null;
    }

    /// <summary>Publishing, scheduling and unpublishing.</summary>
    public static string? MayPublish(StaffActor actor, StoryOwner? owner)
    {
        if (actor.Role >= StaffRole.Editor)
        {
            return null;
        }

        if (actor.Role < StaffRole.Author)
        {
            return "Contributors cannot publish, schedule or unpublish stories: ask an author or an editor. Nothing was changed.";
        }

        return Owns(actor, owner)
            ? null
            : "Authors may publish, schedule and unpublish only stories they started; this one is someone else's. Ask an editor. Nothing was changed.";
    }

    /// <summary>Who may read a story in full is the publication's decision, not the writer's.</summary>
    public static string? MayChangeAccess(StaffActor actor) =>
        actor.Role >= StaffRole.Editor ? null : $"Only editors may change who can read a story (its access level); your role is {actor.Role}. Nothing was changed.";

    private static bool Owns(StaffActor actor, StoryOwner? owner) =>
        owner is not null && owner.Issuer == actor.Issuer && owner.Subject == actor.Subject;

    private static string Article(StaffRole role) => role == StaffRole.Author ? "an" : "a";
}

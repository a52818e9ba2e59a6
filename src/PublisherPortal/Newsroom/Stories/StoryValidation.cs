using PublisherPortal.Paywall;

namespace PublisherPortal.Newsroom.Stories;

/// <summary>What a story needs before it is saved, per field (keyed by the form's property name), in words for the editor.</summary>
public static class StoryValidation
{
    public static Dictionary<string, string> Errors(StoryForm form)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Title) || form.Title.Trim().Length > 200)
        {
            errors[nameof(StoryForm.Title)] = "A story needs a title of at most 200 characters.";
        }

        if (!string.IsNullOrWhiteSpace(form.Slug) && !StorySlugs.IsValid(form.Slug.Trim()))
        {
            errors[nameof(StoryForm.Slug)] = "The slug may hold only lowercase letters, digits and single hyphens, e.g. harbour-dredging-vote.";
        }

        if (string.IsNullOrWhiteSpace(form.Summary) || form.Summary.Trim().Length > 600)
        {
            errors[nameof(StoryForm.Summary)] = "A story needs a standfirst of at most 600 characters.";
        }

        if (form.SectionId is null)
        {
            errors[nameof(StoryForm.SectionId)] = "Choose the section the story belongs to.";
        }

        if (form.HeroImageUrl?.Trim() is { Length: > 0 } url)
        {
            if (!ImageAddress.IsValid(url))
            {
                errors[nameof(StoryForm.HeroImageUrl)] = "The hero image must be an http(s) address or a path on this site.";
            }

            if (string.IsNullOrWhiteSpace(form.HeroImageAlt))
            {
                errors[nameof(StoryForm.HeroImageAlt)] = "Describe the hero image for readers who cannot see it (alt text is required).";
            }
        }

        if (form.AccessLevel == AccessLevel.Tier && form.MinimumTierId is null)
        {
            errors[nameof(StoryForm.MinimumTierId)] = "Choose the tier a reader needs.";
        }

        if (form.TeaserParagraphs is < 0 or > 20)
        {
            errors[nameof(StoryForm.TeaserParagraphs)] = "Teaser paragraphs must be from 0 to 20, or empty for the site's default.";
        }

        if (form.SeoTitle is { Length: > 200 } || form.SeoDescription is { Length: > 300 })
        {
            errors[nameof(StoryForm.SeoTitle)] = "The SEO title may be at most 200 characters and the description at most 300.";
        }

        return errors;
    }
}

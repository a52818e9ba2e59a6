namespace PublisherPortal.Staff;

/// <summary>A role to grant to a provider account, as the grant dialog fills it (from a reader who signed in here, or typed).</summary>
public sealed class StaffGrantForm
{
    public string? Issuer { get; set; }
    public string? Subject { get; set; }
    public StaffRole? Role { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }

    /// <summary>Messages per field, empty when the form is fine; the dialog shows them at the fields.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Issuer) || Issuer.Trim().Length > 500 || !Uri.TryCreate(Issuer.Trim(), UriKind.Absolute, out _))
        {
            errors[nameof(Issuer)] = "The issuer is the provider's URL as its tokens name it, e.g. https://example.plirotest.page (at most 500 characters).";
        }

        if (string.IsNullOrWhiteSpace(Subject) || Subject.Trim().Length > 255)
        {
            errors[nameof(Subject)] = "The subject is the account's id at that provider (1–255 characters).";
        }

        if (Role is not { } role || !Enum.IsDefined(role))
        {
            errors[nameof(Role)] = "Choose a role.";
        }

        if (Name is { Length: > 200 })
        {
            errors[nameof(Name)] = "At most 200 characters.";
        }

        if (Email is { Length: > 320 })
        {
            errors[nameof(Email)] = "At most 320 characters.";
        }

        return errors;
    }
}

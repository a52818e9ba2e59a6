namespace PublisherPortal.Staff;

/// <summary>
/// What a staff action did, in words for the person who asked: shown in a snackbar, or at the field it is about
/// (<see cref="FieldErrors"/>, keyed by the form's property name) so nothing typed is lost.
/// </summary>
public sealed record StaffResult(StaffOutcome Outcome, string Message, IReadOnlyDictionary<string, string> FieldErrors)
{
    public bool Succeeded => Outcome == StaffOutcome.Done;

    public static StaffResult Done(string message) => new(StaffOutcome.Done, message, Empty);

    public static StaffResult Invalid(string message) => new(StaffOutcome.Invalid, message, Empty);

    public static StaffResult Invalid(IReadOnlyDictionary<string, string> fieldErrors) =>
        new(StaffOutcome.Invalid, "Some fields need another look: " + string.Join(" ", fieldErrors.Values), fieldErrors);

    public static StaffResult Field(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    /// <summary>Someone else changed or removed the row since it was shown: refused, never overwritten.</summary>
    public static StaffResult Conflict(string what) =>
        new(StaffOutcome.Conflict, $"{what} was changed or removed by someone else since you opened it. Nothing was saved: reload and try again.", Empty);

    public static StaffResult Refused(string message) => new(StaffOutcome.Refused, message, Empty);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}

public enum StaffOutcome
{
    Done,
    Invalid,
    Conflict,

    /// <summary>The person may not do this (no role, too low a role, an ended session).</summary>
    Refused,
}

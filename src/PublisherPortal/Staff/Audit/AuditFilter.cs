namespace PublisherPortal.Staff.Audit;

/// <summary>What the audit screen asks for: every field optional; dates are whole UTC days, both ends included.</summary>
public sealed record AuditFilter(
    string? Action = null, string? Actor = null, string? Text = null, DateOnly? From = null, DateOnly? To = null,
    string? SortBy = null, bool Descending = true);

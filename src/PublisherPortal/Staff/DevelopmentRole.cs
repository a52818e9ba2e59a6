namespace PublisherPortal.Staff;

/// <summary>
/// One <c>Staff:DevelopmentRoles</c> entry: <c>issuer|subject|Role</c>. An issuer that is a path (<c>/dev/pliro</c>)
/// is on this site, at <c>Portal:BaseUrl</c>: the stand-in providers' issuers move with the port the site runs on.
/// </summary>
public sealed record DevelopmentRole(string Issuer, string Subject, StaffRole Role)
{
    public string IssuerAt(string baseUrl) => Issuer.StartsWith('/') ? baseUrl.TrimEnd('/') + Issuer : Issuer;

    public static bool TryParse(string? entry, out DevelopmentRole role)
    {
        role = null!;
        var parts = entry?.Split('|') ?? [];
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0
            || !Enum.TryParse<StaffRole>(parts[2], ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        role = new DevelopmentRole(parts[0], parts[1], parsed);
        return true;
    }
}

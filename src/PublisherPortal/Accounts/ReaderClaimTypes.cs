namespace PublisherPortal.Accounts;

/// <summary>Claim names on the portal's signed-in principal (the relying party issues the same short names).</summary>
public static class ReaderClaimTypes
{
    public const string Subject = "sub";
    public const string Issuer = "iss";
    public const string Name = "name";
    public const string Email = "email";
    public const string Provider = "provider";
    public const string Plan = "plan";
}

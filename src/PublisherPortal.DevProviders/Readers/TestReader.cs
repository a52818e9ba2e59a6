namespace PublisherPortal.DevProviders.Readers;

/// <summary>
/// One test reader at one stand-in. Identity only: the reader's subscriptions change at run time
/// and live in <see cref="ReaderDirectory"/>.
/// </summary>
/// <param name="Id">Our key, e.g. <c>pliro-plus</c>; also the button value on the sign-in page.</param>
/// <param name="Provider">The stand-in key, e.g. <c>pliro</c>.</param>
/// <param name="ProviderId">The provider's own id: Pliro <c>cus_...</c>, Subrite member id, PixelPin 64-bit id as text.</param>
/// <param name="Story">What the reader is for, shown on the sign-in page.</param>
internal sealed record TestReader(
    string Id,
    string Provider,
    string ProviderId,
    string GivenName,
    string FamilyName,
    string Email,
    string Phone,
    int MemberNumber,
    string Story)
{
    public string FullName => GivenName + " " + FamilyName;
}

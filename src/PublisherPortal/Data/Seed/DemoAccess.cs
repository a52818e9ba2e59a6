namespace PublisherPortal.Data.Seed;

/// <summary>How a demo story is offered, before it is mapped onto access level and minimum tier.</summary>
internal enum DemoAccess
{
    Public,
    Registered,
    Plus,
    Premium,
}

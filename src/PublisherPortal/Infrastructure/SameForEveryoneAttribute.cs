namespace PublisherPortal.Infrastructure;

/// <summary>
/// Marks an endpoint whose answer is the same whoever asks (a stored image): <see cref="SecurityHeaders"/> then keeps
/// the endpoint's own <c>Cache-Control</c> for a signed-in request instead of making it <c>private, no-store</c>, so a
/// signed-in reader's browser keeps the picture as an anonymous one's does.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SameForEveryoneAttribute : Attribute;

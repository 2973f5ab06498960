namespace Veo.Core.Http;

/// <summary>
/// A create request reached the server but no answer came back. A task may exist and be billed;
/// retrying could pay twice, so Veo stops and says so.
/// </summary>
public sealed class AmbiguousCreateException : Exception
{
    public AmbiguousCreateException(string route, Exception inner)
        : base($"The create request to {route} was sent but no answer came back ({inner.Message}). " +
               "A video may have been created and billed; Veo did not retry, to avoid paying twice. " +
               "Check the provider's console or task list before submitting this prompt again.", inner)
    {
        Route = route;
    }

    public string Route { get; }
}

namespace Veo.Core.Http;

/// <summary>
/// A create request reached the server but no answer came back. A task may exist and be billed;
/// retrying could pay twice, so Veo stops and says so.
/// </summary>
public sealed class AmbiguousCreateException : Exception
{
    public AmbiguousCreateException(string route, Exception inner, string? idHint = null)
        : base($"The create request to {route} was sent but no usable answer came back ({inner.Message}). " +
               (idHint is null ? "" : $"The answer named '{idHint}', which may be the task's id. ") +
               "A video may have been created and billed; Veo did not retry, to avoid paying twice. " +
               "Check the provider's console or task list before submitting this prompt again.", inner)
    {
        Route = route;
        IdHint = idHint;
    }

    public string Route { get; }

    /// <summary>Whatever id-like value the answer held (id, task_id, name), kept so the task can be found.</summary>
    public string? IdHint { get; }
}

using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>A dialect whose service lists the tasks a key made, so a create whose answer was lost can be found again.</summary>
public interface ITaskLister
{
    /// <summary>
    /// The key's tasks created at or after <paramref name="since"/>, with their prompts, newest first; null when this
    /// service serves no list (a new-api gateway): then nothing can be concluded from it.
    /// </summary>
    Task<IReadOnlyList<VideoTask>?> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

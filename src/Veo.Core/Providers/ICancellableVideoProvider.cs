using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>A dialect whose service can stop a running task (the Interactions API's POST /v1/interactions/{id}/cancel).</summary>
public interface ICancellableVideoProvider
{
    /// <summary>Asks the service to stop the task; answers the task as the service then reports it.</summary>
    /// <exception cref="Http.ApiException">The service refused, e.g. because the task had already finished.</exception>
    Task<VideoTask> CancelAsync(string id, CancellationToken cancellationToken);
}

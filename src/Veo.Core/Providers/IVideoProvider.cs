using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>One API dialect: maps the neutral request and task to its wire format and back.</summary>
public interface IVideoProvider
{
    VideoRoute Route { get; }

    /// <summary>Sends the paid create request once; never retried after it may have reached the server.</summary>
    Task<VideoTask> CreateAsync(PreparedRequest request, CancellationToken cancellationToken);

    Task<VideoTask> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Streams the finished video into <paramref name="destination"/>; throws ContentNotReadyException while the service lags.</summary>
    Task DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken);
}

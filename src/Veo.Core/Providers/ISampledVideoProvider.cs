using Veo.Core.Tasks;

namespace Veo.Core.Providers;

/// <summary>A dialect whose one task can hold several videos (Vertex AI's sampleCount): each is fetched by its index.</summary>
public interface ISampledVideoProvider
{
    /// <param name="sample">0 for the first video; below <see cref="VideoTask.VideoCount"/>.</param>
    Task DownloadAsync(VideoTask task, int sample, Stream destination, CancellationToken cancellationToken);
}

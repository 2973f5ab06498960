using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Quotas;

/// <summary>
/// A provider whose route has a quota: it carries the gate its creates pass and its polls report finished tasks to.
/// The engine does both (the gate must sit outside the journal's "sent" line); this only forwards.
/// </summary>
internal sealed class QuotaBoundProvider : IVideoProvider, IExtensionSourceProvider, ITaskLister
{
    private readonly IVideoProvider _inner;

    public QuotaBoundProvider(IVideoProvider inner, QuotaGate gate)
    {
        _inner = inner;
        Gate = gate;
    }

    public QuotaGate Gate { get; }

    /// <summary>The dialect's own provider, for the verbs only some dialects have (cancel).</summary>
    public IVideoProvider Inner => _inner;

    public VideoRoute Route => _inner.Route;

    public Task<VideoTask> CreateAsync(PreparedRequest request, CancellationToken cancellationToken) => _inner.CreateAsync(request, cancellationToken);

    public Task<byte[]?> SourceVideoAsync(ExtensionSource? source, CancellationToken cancellationToken) =>
        _inner is IExtensionSourceProvider reader ? reader.SourceVideoAsync(source, cancellationToken) : Task.FromResult<byte[]?>(null);

    public Task<IReadOnlyList<VideoTask>?> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        _inner is ITaskLister lister ? lister.ListSinceAsync(since, cancellationToken) : Task.FromResult<IReadOnlyList<VideoTask>?>(null);

    public Task<VideoTask> GetAsync(string id, CancellationToken cancellationToken) => _inner.GetAsync(id, cancellationToken);

    public Task DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken) => _inner.DownloadAsync(task, destination, cancellationToken);
}

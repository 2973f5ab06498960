using Veo.Core.Batches;
using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Providers;
using Veo.Core.Quotas;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core;

/// <summary>
/// The verbs the cmdlets (and any other host) use: create, refresh, save, each recorded in the
/// journal. A created task is journaled before it is handed back, so its id is never lost.
/// </summary>
public sealed class VeoEngine
{
    public VeoEngine(TaskJournal journal, HttpPolicy? policy = null)
    {
        Journal = journal;
        Policy = policy ?? HttpPolicy.Default;
    }

    /// <summary>
    /// The models a service answered it does not serve, by its address and id, with when. Kept for a few minutes, the
    /// length of a batch: a gateway's "no available channel" can also mean its channels are down for a while.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Models.ModelUnavailableException Refusal, DateTimeOffset At)> _unavailable =
        new(StringComparer.OrdinalIgnoreCase);

    internal static readonly TimeSpan UnavailableMemory = TimeSpan.FromMinutes(5);

    private static string UnavailableKey(VideoRoute route, string model) => $"{route.Name} {route.BaseUri} {model}";

    public TaskJournal Journal { get; }
    public HttpPolicy Policy { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _createdHere = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether this engine created the task itself. Only such a task is certainly not done moments after its create; one
    /// read back from the journal, a CSV or a rerun of a batch may have finished long ago, however recent its creation.
    /// </summary>
    public bool CreatedHere(string id) => _createdHere.ContainsKey(id);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JournalEntry> _uncertain = new(StringComparer.Ordinal);

    /// <summary>
    /// The creates this engine sent since <paramref name="since"/> whose outcome is unknown: sent and never answered (stopped
    /// or killed mid-request) or answered in a way that proves nothing. Exactly the ones that may have been billed without an id.
    /// </summary>
    public IReadOnlyList<JournalEntry> UncertainSince(DateTimeOffset since) =>
        _uncertain.Values.Where(e => e.At >= since).OrderBy(e => e.At).ToList();

    /// <summary>The route's provider; a route with a quota gets one whose creates are held to it (shared by the whole process for that address and key).</summary>
    public IVideoProvider Provider(VideoRoute route, ApiKey key, IEngineLog? log = null)
    {
        var provider = VideoProviders.For(route, key, Policy, log);
        return route.Quota.IsLimited ? new QuotaBoundProvider(provider, QuotaGates.For(route, key)) : provider;
    }

    /// <summary>Checks a request against a route's rules and prices it: throws before anything is paid when a rule is broken.</summary>
    /// <exception cref="RequestValidationException">The request breaks the route's rules; the message says what to change.</exception>
    public VideoPlan Plan(VideoRequest request, VideoRoute route, PriceBook prices)
    {
        var prepared = RequestValidator.Prepare(request, route);
        var r = prepared.Request;
        // Every video of a request is billed: Vertex AI's sampleCount multiplies the cost, and a silent one costs less.
        return new VideoPlan(prepared, prices.Quote(route.Name, prepared.Model.Family, r.DurationSeconds, r.Resolution, r.VideoCount, r.GenerateAudio != false));
    }

    /// <summary>
    /// The one way money is spent: the plan's cost is reserved against every cap, the create is journaled and sent
    /// once, and the task is journaled before it is returned. A create refused for certain gives its cost back; one
    /// whose outcome is unknown (ambiguous, stopped mid-request) stays counted, since it may have been billed.
    /// </summary>
    /// <exception cref="SpendingCapException">A cap would be passed; nothing was sent.</exception>
    /// <param name="log">Told (verbose) why a create waits: the route's quota, or a 429's wait.</param>
    /// <param name="row">The input row the create is for: written on its journal lines and on the task, so a rerun of the batch finds it.</param>
    /// <param name="slot">The command's place for this create, left while it waits to be sent again; null: none to leave.</param>
    public async Task<VideoTask> CreateAsync(VideoPlan plan, IVideoProvider provider, SpendingCaps caps, CancellationToken cancellationToken, IEngineLog? log = null,
        RowIdentity? row = null, ISendSlot? slot = null)
    {
        // A model the service just said it does not serve is not asked for again by the rest of the batch.
        if (_unavailable.TryGetValue(UnavailableKey(provider.Route, plan.Prepared.Model.Id), out var gone) && DateTimeOffset.UtcNow - gone.At < UnavailableMemory)
            throw gone.Refusal.Again();
        // Before anything is reserved: reading an extension's source is not a create, and its failure leaves nothing to settle.
        var prepared = await WithSourceVideoAsync(plan.Prepared, provider, cancellationToken).ConfigureAwait(false);
        if (caps.TryReserve(plan.Cost) is { } refusal) throw new SpendingCapException(refusal);
        var lines = new CreateLines(caps.Session);
        try
        {
            return await CreateAsync(prepared, provider, plan.Cost, cancellationToken, log, row, slot, lines).ConfigureAwait(false);
        }
        finally
        {
            // The caps count the create as its last journal line does (the ledger's rule): never a lost answer given back.
            caps.Settle(plan.Cost, lines.Last);
        }
    }

    /// <summary>
    /// Sends a create with no caps (the hosts go through <see cref="CreateAsync(VideoPlan, IVideoProvider, SpendingCaps, CancellationToken, IEngineLog)"/>):
    /// held back to fit the route's quota, and sent again after an answer that proves nothing was made and asks to try later
    /// (429, 503, a gateway's own 5xx: <see cref="CreateRefusals.Read"/>) once the wait the service asked for (else a
    /// jittered back-off) has passed, until the policy's deadline. Nothing else is sent twice.
    /// </summary>
    internal async Task<VideoTask> CreateAsync(PreparedRequest prepared, IVideoProvider provider, decimal? estimatedCost, CancellationToken cancellationToken,
        IEngineLog? log = null, RowIdentity? row = null, ISendSlot? slot = null, CreateLines? lines = null)
    {
        log ??= NullEngineLog.Instance;
        lines ??= new CreateLines(null);
        prepared = await WithSourceVideoAsync(prepared, provider, cancellationToken).ConfigureAwait(false);
        var gate = (provider as QuotaBoundProvider)?.Gate;
        var refusals = 0;
        var waited = TimeSpan.Zero;
        while (true)
        {
            var place = gate is null ? null : await gate.EnterAsync(provider.Route.Name, log, cancellationToken).ConfigureAwait(false);
            try
            {
                var task = await SendCreateAsync(prepared, provider, estimatedCost, row, lines, cancellationToken).ConfigureAwait(false);
                place?.Created(task.Id);
                return task;
            }
            catch (ApiException e) when (e.MaySendAgain)
            {
                place?.Refused();
                if (CreateRefusals.WaitAfter(e, ++refusals, waited, Policy, Internal.Jitter.Fraction()) is not { } wait) throw;
                gate?.HoldOff(wait);
                log.Verbose($"{provider.Route.Name}: the service refused the create for now ({(int)e.StatusCode} {e.ErrorCode ?? e.StatusCode.ToString()}: nothing was made); " +
                    $"sending it again in {wait.TotalSeconds:0.##} s{(e.RetryAfter is null ? "" : ", as the service asked")}.");
                if (slot is null) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                else await slot.WaitOutsideAsync(wait, cancellationToken).ConfigureAwait(false);
                waited += wait;
            }
            catch (Exception e) when (e is AmbiguousCreateException or OperationCanceledException)
            {
                // A task may exist: it keeps its place among the running for the route's running time.
                place?.Unknown();
                throw;
            }
            catch
            {
                place?.Refused();
                throw;
            }
        }
    }

    /// <summary>The request with its extension's source video read, where the provider is sent the video itself; once only.</summary>
    private static async Task<PreparedRequest> WithSourceVideoAsync(PreparedRequest prepared, IVideoProvider provider, CancellationToken cancellationToken)
    {
        if (prepared.SourceVideo is not null || prepared.Request.Extend is null || provider is not IExtensionSourceProvider reader) return prepared;
        var bytes = await reader.SourceVideoAsync(prepared.Request.Extend, cancellationToken).ConfigureAwait(false);
        return bytes is null ? prepared : prepared with { SourceVideo = bytes };
    }

    /// <summary>One create request, journaled before it is sent and settled in the journal after.</summary>
    private async Task<VideoTask> SendCreateAsync(PreparedRequest prepared, IVideoProvider provider, decimal? estimatedCost, RowIdentity? row,
        CreateLines lines, CancellationToken cancellationToken)
    {
        // Journaled before it is sent: a process killed while the request is in flight leaves this line unsettled.
        var sent = new JournalEntry
        {
            At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateSent, Attempt = Guid.NewGuid().ToString("N"), Route = provider.Route.Name,
            BaseUri = provider.Route.BaseUri, Model = prepared.Model.Id, Prompt = prepared.Request.Prompt, Cost = estimatedCost, Request = prepared.Request,
            Session = lines.Session,
        }.For(row);
        lines.Append(Journal, sent);
        // Uncertain until an answer settles it: a create stopped mid-request stays so, as its journal line does.
        _uncertain[sent.Attempt!] = sent;
        VideoTask task;
        try
        {
            task = await provider.CreateAsync(prepared, cancellationToken).ConfigureAwait(false);
        }
        catch (AmbiguousCreateException e)
        {
            lines.Append(Journal, sent with { At = DateTimeOffset.UtcNow, Event = JournalEntry.AmbiguousCreate, Error = e.Message, IdHint = e.IdHint });
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _uncertain.TryRemove(sent.Attempt!, out _);
            // A service's "no such model" is said as such, with the catalog's replacement; like any refusal, nothing was made.
            var unavailable = e is ApiException answer ? Models.ModelLifecycle.Unavailable(answer, provider.Route.Dialect, prepared.Model, provider.Route.Name) : null;
            lines.Append(Journal, new JournalEntry
            {
                At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateRefused, Attempt = sent.Attempt, Error = (unavailable ?? e).Message, Session = lines.Session,
            }.For(row));
            if (unavailable is not null)
            {
                _unavailable[UnavailableKey(provider.Route, prepared.Model.Id)] = (unavailable, DateTimeOffset.UtcNow);
                throw unavailable;
            }
            throw;
        }
        _uncertain.TryRemove(sent.Attempt!, out _);
        task = task with
        {
            Prompt = prepared.Request.Prompt,
            Request = prepared.Request,
            EstimatedCost = estimatedCost,
            Model = string.IsNullOrEmpty(task.Model) ? prepared.Model.Id : task.Model,
            CreatedAt = task.CreatedAt ?? DateTimeOffset.UtcNow,
            Batch = row?.Batch,
            Row = row?.Row,
            RowKey = row?.RowKey,
            RowOrdinal = row?.RowOrdinal,
        };
        _createdHere[task.Id] = 0;
        lines.Append(Journal, new JournalEntry
        {
            At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = task.Id, Route = task.Route, BaseUri = task.BaseUri, Model = task.Model,
            Status = task.Status, Progress = task.Progress, Prompt = task.Prompt, Cost = estimatedCost, Request = prepared.Request, Attempt = sent.Attempt,
            Session = lines.Session,
            // A task may be answered as failed at once: its reason is then known only from this line.
            Error = task.Error,
        }.For(row));
        return task;
    }

    /// <summary>
    /// The finished video an extension continues. What the journal knows of the task (the request that made it, when it
    /// finished) fills what the given one lacks; one not known to be finished with a video is asked of the service, a read
    /// that costs nothing.
    /// </summary>
    /// <exception cref="RequestValidationException">The task has not finished with a video.</exception>
    public async Task<ExtensionSource> ExtensionSourceAsync(VideoTask known, IVideoProvider provider, CancellationToken cancellationToken, string use = "extend")
    {
        var journaled = Journal.Tasks().LastOrDefault(t => t.Task.Id == known.Id)?.Task;
        var task = known with
        {
            Request = known.Request ?? journaled?.Request,
            CompletedAt = known.CompletedAt ?? journaled?.CompletedAt,
            Route = string.IsNullOrEmpty(known.Route) ? provider.Route.Name : known.Route,
        };
        if (!ExtensionSource.HasVideo(task))
            task = await RefreshAsync(task, provider, cancellationToken).ConfigureAwait(false);
        return ExtensionSource.Of(task, use);
    }

    /// <summary>Polls once; a change of status (not every progress tick) goes to the journal.</summary>
    public async Task<VideoTask> RefreshAsync(VideoTask task, IVideoProvider provider, CancellationToken cancellationToken)
    {
        var fresh = task.Refresh(await provider.GetAsync(task.Id, cancellationToken).ConfigureAwait(false));
        if (fresh.IsFinished) (provider as QuotaBoundProvider)?.Gate.Finished(fresh.Id);
        if (fresh.Status != task.Status)
        {
            Journal.Append(new JournalEntry
            {
                At = DateTimeOffset.UtcNow, Event = JournalEntry.StatusChanged, Id = fresh.Id, Status = fresh.Status, Progress = fresh.Progress,
                Error = fresh.Error,
            });
        }
        return fresh;
    }

    /// <summary>
    /// Asks the service to stop a running task (only dialects with a cancel: <see cref="ICancellableVideoProvider"/>) and
    /// journals what it then reports. A task known to have finished is refused here, with no call.
    /// </summary>
    /// <exception cref="CancelRefusedException">The route has no cancel, or the task has already finished.</exception>
    public async Task<VideoTask> CancelAsync(VideoTask task, IVideoProvider provider, CancellationToken cancellationToken)
    {
        var inner = provider is QuotaBoundProvider bound ? bound.Inner : provider;
        if (inner is not ICancellableVideoProvider cancellable)
            throw new CancelRefusedException(task.Id, finished: false,
                $"Route {provider.Route.Name} ({provider.Route.Dialect}) has no way to cancel a task, so {task.Id} goes on and is billed as made. " +
                $"Only the Interactions API (-Route {BuiltInRoutes.GoogleName}, Gemini Omni) takes a cancel.");
        if (task.IsFinished)
            throw new CancelRefusedException(task.Id, finished: true, $"Task {task.Id} has already finished ({task.Status}{(task.ErrorCode is { } code ? ", " + code : "")}); there is nothing to cancel.");
        VideoTask answered;
        try
        {
            answered = await cancellable.CancelAsync(task.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.ErrorCode == "FAILED_PRECONDITION")
        {
            // The service's word for "it finished before the cancel arrived" (the emulator answers so; Google's cancel is only
            // for background interactions still running, as @google/genai's interactions.cancel says).
            throw new CancelRefusedException(task.Id, finished: true, $"Task {task.Id} could not be cancelled: {e.ServerMessage}");
        }
        var fresh = task.Refresh(answered);
        if (fresh.IsFinished) (provider as QuotaBoundProvider)?.Gate.Finished(fresh.Id);
        Journal.Append(new JournalEntry
        {
            At = DateTimeOffset.UtcNow, Event = JournalEntry.StatusChanged, Id = fresh.Id, Status = fresh.Status, Progress = fresh.Progress,
            Error = fresh.Error ?? "cancelled",
        });
        return fresh;
    }

    /// <param name="progress">Counts the bytes as they arrive, for a progress bar; may be null.</param>
    /// <param name="maxBytes">The largest video accepted; <see cref="HttpPolicy.MaxVideoBytes"/> when null.</param>
    /// <param name="sample">Which of the task's videos, from 0 (<see cref="VideoTask.VideoCount"/> says how many it holds).</param>
    /// <param name="slots">Downloads running at once, shared by the saves of one command; a save waiting to try again holds none.</param>
    public async Task<SaveResult> SaveAsync(VideoTask task, IVideoProvider provider, string path, bool overwrite, IEngineLog log, CancellationToken cancellationToken,
        DownloadProgress? progress = null, long? maxBytes = null, int sample = 0, SemaphoreSlim? slots = null)
    {
        if (!overwrite && AlreadySaved(task, path, sample) is { } kept)
        {
            log.Verbose($"{path} already holds the video of task {task.Id} (the journal says it was saved there, and it reads as a whole MP4): nothing downloaded.");
            return kept;
        }
        var policy = maxBytes is { } max ? Policy with { MaxVideoBytes = max } : Policy;
        var result = await new VideoSaver(policy, log).SaveAsync(provider, task, path, overwrite, progress, cancellationToken, sample, slots).ConfigureAwait(false);
        Journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Saved, Id = task.Id, Path = result.File.Path });
        return result;
    }

    /// <summary>
    /// What the route serves right now (its service's model list, every page) beside the catalog; null for a route whose
    /// service documents no list (Vertex AI).
    /// </summary>
    /// <param name="catalogPath">The user's models.json, named in the advice on an id the catalog lacks.</param>
    public async Task<IReadOnlyList<Models.ModelListing>?> ListModelsAsync(VideoRoute route, ApiKey key, string catalogPath, CancellationToken cancellationToken,
        IEngineLog? log = null)
    {
        if (!Models.ModelLists.Exists(route.Dialect) || VideoProviders.For(route, key, Policy, log) is not Models.IModelListProvider lister) return null;
        var listed = await lister.ListModelsAsync(cancellationToken).ConfigureAwait(false);
        return Models.ModelListing.Compare(route, listed, catalogPath);
    }

    /// <summary>
    /// The file a rerun would save again: the journal says this task's video was saved to exactly this path, and it is
    /// still there as a whole MP4. Anything else at the path (another file, a video cut short) is left to the saver,
    /// which refuses to overwrite it without -Force.
    /// </summary>
    private SaveResult? AlreadySaved(VideoTask task, string path, int sample)
    {
        if (!File.Exists(path)) return null;
        var full = System.IO.Path.GetFullPath(path);
        var saved = Journal.ReadAll().Any(e => e.Event == JournalEntry.Saved && e.Id == task.Id && e.Path is { } p
                                                && string.Equals(System.IO.Path.GetFullPath(p), full, StringComparison.Ordinal));
        if (!saved) return null;
        try
        {
            return new SaveResult(VideoSaver.ToVideoFile(task, path, Media.Mp4Reader.ReadFile(path)) with { Sample = sample + 1 }, Array.Empty<string>());
        }
        catch (Media.InvalidVideoException)
        {
            return null;
        }
    }

    /// <summary>The route's public price catalog (new-api GET /api/pricing), compared with the book.</summary>
    public async Task<IReadOnlyList<PriceDifference>> CompareLivePricesAsync(VideoRoute route, PriceBook book, CancellationToken cancellationToken)
    {
        var live = await LiveCatalog.FetchAsync(Policy.Transport ?? SharedHttpClient.Instance, route.BaseUri, Policy, cancellationToken).ConfigureAwait(false);
        return LiveCatalog.Diff(book, route.Name, live);
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Veo.Emulator;

/// <summary>The tasks every dialect created, keyed by dialect and id.</summary>
internal sealed class TaskStore(EmulatorOptions options, EmulatorClock clock, FaultPlan faults)
{
    private const string DefaultFailure = "Video generation failed (the emulator was asked to fail this task).";

    private readonly ConcurrentDictionary<(EmulatedApi, string), VideoTask> tasks = new();
    private readonly ConcurrentQueue<VideoTask> inCreationOrder = new();
    // Its own generator, so drawing render times never shifts which requests a probabilistic fault hits.
    private readonly Random renderTimes = new(options.Seed);
    private int createdCount;

    public int CreatedCount => Volatile.Read(ref createdCount);

    public VideoTask Create(TaskOrder order, string requestPathAndQuery)
    {
        var failFault = faults.TakeForTask(FaultKind.FailTask, requestPathAndQuery);
        var lagFault = faults.TakeForTask(FaultKind.ContentLag, requestPathAndQuery);
        // Only the OpenAI-Videos gateway is documented to lag behind "completed"; the others serve at once.
        var lag = lagFault?.Delay ?? (order.Api == EmulatedApi.OpenAIVideos ? options.ContentLag : TimeSpan.Zero);
        var failure = failFault is null ? null : new TaskFailure(failFault.ErrorMessage ?? DefaultFailure);

        var task = new VideoTask(order, clock.Now, options.QueueTime, NextRenderTime(), lag, failure);
        if (!tasks.TryAdd((order.Api, order.Id), task)) throw new InvalidOperationException($"Duplicate task id {order.Id}.");
        inCreationOrder.Enqueue(task);
        Interlocked.Increment(ref createdCount);
        return task;
    }

    /// <summary>Every task made so far, oldest first.</summary>
    public IReadOnlyList<CreatedTask> Snapshot() =>
        inCreationOrder.Select(t => new CreatedTask(t.Order.Api.ToString(), t.Order.Api switch
            {
                EmulatedApi.Gemini => GeminiDialect.OperationName(t),
                EmulatedApi.Vertex => VertexOperation.Name(t),
                _ => t.Id,
            }, t.Model, t.Order.Prompt, t.CreatedAt, t.Failure is not null))
            .ToList();

    /// <summary>One dialect's tasks, newest first.</summary>
    public IEnumerable<VideoTask> NewestFirst(EmulatedApi api) => inCreationOrder.Where(t => t.Order.Api == api).Reverse();

    /// <summary>Forgets a task (the Interactions API's DELETE); false when there was none.</summary>
    public bool Remove(EmulatedApi api, string id) => tasks.TryRemove((api, id), out _);

    public VideoTask? Find(EmulatedApi api, string id) => tasks.TryGetValue((api, id), out var task) ? task : null;

    /// <summary>A task by id whatever dialect made it (ids are random, so they do not collide across dialects).</summary>
    public VideoTask? FindAny(string id) =>
        ((EmulatedApi[])Enum.GetValues(typeof(EmulatedApi))).Select(api => Find(api, id)).FirstOrDefault(task => task is not null);

    public VideoTask? FindWhere(EmulatedApi api, Func<VideoTask, bool> predicate) =>
        tasks.Values.FirstOrDefault(t => t.Order.Api == api && predicate(t));

    private TimeSpan NextRenderTime()
    {
        if (options.RenderTimeSpread <= TimeSpan.Zero) return options.RenderTime;
        lock (renderTimes) return options.RenderTime + TimeSpan.FromTicks((long)(renderTimes.NextDouble() * options.RenderTimeSpread.Ticks));
    }

    public static string RandomAlphanumeric(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        var one = new byte[1];
        using var random = RandomNumberGenerator.Create();
        for (var i = 0; i < length;)
        {
            random.GetBytes(one);
            // 252 is the largest multiple of 36 below 256: rejecting the rest keeps every character equally likely.
            if (one[0] < 252) chars[i++] = alphabet[one[0] % alphabet.Length];
        }
        return new string(chars);
    }
}

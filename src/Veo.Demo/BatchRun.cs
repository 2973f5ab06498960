using Veo.Core;
using Veo.Core.Pricing;
using Veo.Core.Providers;
using Veo.Core.Sessions;
using Veo.Core.Requests;
using Veo.Core.Tasks;

namespace Veo.Demo;

/// <summary>
/// Validates every prompt first, creates the tasks, waits for all at once and saves each as it finishes;
/// or, after a crash, picks up the journal's pending tasks and does the waiting and saving.
/// </summary>
internal sealed class BatchRun
{
    private readonly VeoSession _session;
    private readonly DemoOptions _options;
    private readonly TextWriter _out;

    public BatchRun(VeoSession session, DemoOptions options, TextWriter output)
    {
        _session = session;
        _options = options;
        _out = output;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var route = _session.ResolveRoute(_options.Route, null);
        var engine = _session.Engine;
        // Every row is checked first; a bad one is reported by its number and prompt, and the others are still made.
        var plans = new List<(int Row, VideoPlan Plan)>();
        var failures = 0;
        foreach (var (prompt, row) in _options.Prompts.Select((p, i) => (p, i + 1)))
        {
            try
            {
                plans.Add((row, engine.Plan(new VideoRequest { Prompt = prompt, Model = _options.Model, Resolution = _options.Resolution }, route, _session.Prices)));
            }
            catch (RequestValidationException e)
            {
                failures++;
                _out.WriteLine($"FAILED row {row} ('{prompt}'): {e.Message}");
            }
        }
        var provider = engine.Provider(route, _session.ResolveKey(route, null));
        _out.WriteLine($"{plans.Count} video(s) on {route.Name}, estimated cost ${plans.Sum(p => p.Plan.Cost ?? 0):0.00}; journal: {engine.Journal.Path}");

        // The same caps as New-VeoVideo: the session's and VEO_MAX_COST.
        var caps = new SpendingCaps(_session.Spending);
        using var waiter = new TaskWaiter(engine, _session.Wait, cancellationToken);
        foreach (var (row, plan) in plans)
        {
            try
            {
                var task = await engine.CreateAsync(plan, provider, caps, cancellationToken);
                _out.WriteLine($"created {task.Id}: {plan.Prepared.Request.Prompt}");
                waiter.Add(task, provider);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A refused create (a cap, a refusal, an answer lost: journaled, never sent again) costs only its row.
                failures++;
                _out.WriteLine($"FAILED row {row} ('{plan.Prepared.Request.Prompt}'): {e.Message}");
            }
        }
        var saved = await SaveAsTheyFinishAsync(waiter, cancellationToken);
        return saved == 0 && failures == 0 ? 0 : 1;
    }

    /// <summary>Waits for and saves every task the journal has not seen saved or failed, each where it was made.</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        var pending = new TaskQuery { State = TaskState.Pending }.Run(_session.Engine.Journal).ToList();
        _out.WriteLine($"{pending.Count} pending task(s) in {_session.Engine.Journal.Path}");
        using var waiter = new TaskWaiter(_session.Engine, _session.Wait, cancellationToken);
        foreach (var entry in pending) waiter.Add(entry.Task, ProviderFor(entry.Task));
        return await SaveAsTheyFinishAsync(waiter, cancellationToken);
    }

    private async Task<int> SaveAsTheyFinishAsync(TaskWaiter waiter, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.OutFolder);
        var failures = 0;
        foreach (var e in waiter.Drain(TimeSpan.FromMilliseconds(500)))
        {
            if (e is null || e.Kind == WaitEventKind.Progress) continue;
            if (e.Kind != WaitEventKind.Finished || e.Task.Status != VideoTaskStatus.Completed)
            {
                failures++;
                _out.WriteLine($"FAILED {e.Task.Id}: {e.Error?.Message ?? e.Task.Error}");
                continue;
            }
            var path = Path.Combine(_options.OutFolder, TaskFileName.For(e.Task.Id));
            try
            {
                var saved = await _session.Engine.SaveAsync(e.Task, ProviderFor(e.Task), path, overwrite: true, NullEngineLog.Instance, cancellationToken);
                _out.WriteLine($"saved {saved.File.Path}  {saved.File.Resolution}  {saved.File.Duration:0.0} s  audio={saved.File.HasAudio}");
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // One download that gave up must not cost the others; the task stays pending for --resume.
                failures++;
                _out.WriteLine($"FAILED to save {e.Task.Id}: {error.Message}");
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private IVideoProvider ProviderFor(VideoTask task)
    {
        var route = _session.ResolveRoute(string.IsNullOrEmpty(task.Route) ? null : task.Route, task.BaseUri);
        return _session.Engine.Provider(route, _session.ResolveKey(route, null));
    }
}

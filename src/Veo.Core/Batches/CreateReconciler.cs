using Veo.Core.Providers;
using Veo.Core.Tasks;

namespace Veo.Core.Batches;

/// <summary>
/// Settles a create whose outcome is unknown from the route's own list of tasks, where it has one: the task made then
/// with that prompt and model, which no journal line claims yet, is the one the create made; none in the list means the
/// create made nothing. Where the route lists nothing (new-api gateways), nothing is concluded and the row is held.
/// </summary>
public sealed class CreateReconciler
{
    /// <summary>How far the service's clock may be behind ours: a task listed up to this long before the create was sent may be it.</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A create journaled less than this long ago may still be on its way to the service (a killed process's last
    /// request) or being made there: its absence from the list proves nothing yet.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private readonly TaskJournal _journal;
    private readonly TimeSpan _settleTime;
    private readonly Dictionary<string, IReadOnlyList<VideoTask>?> _lists = new(StringComparer.Ordinal);

    /// <param name="settleTime">How old a create must be before its absence from the list counts; <see cref="SettleTime"/> by default.</param>
    public CreateReconciler(TaskJournal journal, TimeSpan? settleTime = null)
    {
        _journal = journal;
        _settleTime = settleTime ?? SettleTime;
    }

    /// <summary>What the list says of one uncertain create.</summary>
    public enum Verdict { Unknown, Made, NotMade }

    /// <summary>
    /// Looks for the task <paramref name="uncertain"/> made; on <see cref="Verdict.Made"/> the task is adopted into the
    /// journal (with the create's row), on <see cref="Verdict.NotMade"/> the create is settled as having made nothing.
    /// </summary>
    /// <param name="since">The earliest create this run will ask about: the list is read once, back to it.</param>
    public async Task<(Verdict Verdict, VideoTask? Task)> SettleAsync(IVideoProvider provider, JournalEntry uncertain, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (provider is not ITaskLister lister || DateTimeOffset.UtcNow - uncertain.At < _settleTime) return (Verdict.Unknown, null);
        var key = provider.Route.Name + " " + provider.Route.BaseUri;
        if (!_lists.TryGetValue(key, out var listed))
            _lists[key] = listed = await lister.ListSinceAsync(since - ClockSkew, cancellationToken).ConfigureAwait(false);
        if (listed is null) return (Verdict.Unknown, null);
        var match = listed
            .Where(t => t.Prompt == uncertain.Prompt
                        && (string.IsNullOrEmpty(t.Model) || uncertain.Model is null || string.Equals(t.Model, uncertain.Model, StringComparison.OrdinalIgnoreCase))
                        && t.CreatedAt is { } made && made >= uncertain.At - ClockSkew
                        && _journal.Find(t.Id) is null)
            .OrderBy(t => t.CreatedAt)
            .FirstOrDefault();
        if (match is null)
        {
            BatchLedger.NotCreated(_journal, uncertain);
            return (Verdict.NotMade, null);
        }
        return (Verdict.Made, BatchLedger.Adopt(_journal, uncertain, match));
    }
}

using Veo.Core.Tasks;

namespace Veo.PowerShell.Binding;

/// <summary>
/// A task or a task id, as -Extend takes it. A type of its own (not object) so PowerShell converts both through these
/// constructors and a script block is delay-bound per piped record: <c>$done | New-VeoVideo 'and then' -Extend { $_ }</c>.
/// </summary>
public sealed class VideoReference
{
    public VideoReference(VideoTask task)
    {
        Task = task ?? throw new ArgumentNullException(nameof(task));
        Id = task.Id;
    }

    public VideoReference(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A task id is needed: pass a task from New-VeoVideo or Wait-VeoVideo, or its Id.");
        Id = id.Trim();
    }

    public string Id { get; }

    /// <summary>The task itself when one was given, with what this session already knows of it.</summary>
    public VideoTask? Task { get; }

    public override string ToString() => Id;
}

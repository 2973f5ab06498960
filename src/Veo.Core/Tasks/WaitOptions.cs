namespace Veo.Core.Tasks;

public sealed record WaitOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>How long one task may take before Veo stops waiting for it (it goes on on the server).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);
    /// <summary>Polls in flight at once, across all tasks: the services rate-limit per key.</summary>
    public int MaxConcurrentPolls { get; init; } = 8;
}

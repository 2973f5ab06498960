namespace Veo.Core.Quotas;

/// <summary>
/// A place among the creates a command has in flight (New-VeoVideo -ThrottleLimit). A create the service told to come
/// back later waits without it, so the rows behind it are sent meanwhile; it takes a place again before it is resent.
/// </summary>
public interface ISendSlot
{
    /// <summary>Leaves the place for <paramref name="wait"/>, then takes one again.</summary>
    /// <exception cref="InvalidOperationException">The command ended meanwhile: the create is not sent again.</exception>
    Task WaitOutsideAsync(TimeSpan wait, CancellationToken cancellationToken);
}

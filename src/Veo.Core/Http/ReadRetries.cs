namespace Veo.Core.Http;

/// <summary>
/// Turns the read pipeline's own retries off for the calls of one flow, where the caller retries itself without holding a
/// scarce slot meanwhile: Wait-VeoVideo's polls (a poll slot) and Save-VeoVideo's downloads (a download slot). Polly's
/// retries wait inside the call, so a 500 or a 429 kept its slot for the whole back-off.
/// </summary>
internal static class ReadRetries
{
    private static readonly AsyncLocal<bool> Off = new();

    public static bool AreOff => Off.Value;

    /// <summary>Until disposed, reads made from this flow (and the tasks it starts) are tried once.</summary>
    public static IDisposable TurnOff()
    {
        var before = Off.Value;
        Off.Value = true;
        return new Restore(before);
    }

    private sealed class Restore(bool before) : IDisposable
    {
        public void Dispose() => Off.Value = before;
    }
}

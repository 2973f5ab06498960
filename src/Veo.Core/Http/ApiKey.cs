namespace Veo.Core.Http;

/// <summary>
/// A key that never prints itself: ToString, logs and errors see "***".
/// The value is read only where a header is written.
/// </summary>
public sealed class ApiKey
{
    private readonly string _value;

    public ApiKey(string value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("An API key cannot be empty.", nameof(value));
        _value = value.Trim();
    }

    internal string Reveal() => _value;

    /// <summary>Removes the key from text a server sent back, in case it echoes it.</summary>
    public string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? "" : text!.Replace(_value, "***");

    public override string ToString() => "***";
}

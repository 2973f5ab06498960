namespace Veo.Core.Requests;

/// <summary>What a prompt may hold: text, tabs and line breaks, and not too much of it.</summary>
public static class PromptText
{
    /// <summary>Characters; see the prompt-bounded rule for why this and not a route's own figure.</summary>
    public const int MaxLength = 20_000;

    /// <summary>The index of the first control character other than tab, line feed or carriage return (NUL, ESC, DEL, C1), or null.</summary>
    public static int? FirstControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return i;
        }
        return null;
    }
}

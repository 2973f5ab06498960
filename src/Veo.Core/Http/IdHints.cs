using System.Text.RegularExpressions;

namespace Veo.Core.Http;

/// <summary>
/// Finds the id a create answer named even when the answer cannot be read as a task (cut short, a field of the wrong
/// type, no status): "id", "task_id" or Gemini's operation "name", wherever they stand.
/// </summary>
internal static class IdHints
{
    private static readonly Regex IdField = new(
        "\"(?<field>task_id|id|name)\"\\s*:\\s*\"(?<value>[^\"\\\\]{1,200})\"", RegexOptions.CultureInvariant);

    public static string? Find(string body)
    {
        var found = IdField.Matches(body).Cast<Match>().ToList();
        // task_id and id say more than a name, which may be a model's.
        return (found.FirstOrDefault(m => m.Groups["field"].Value == "task_id")
                ?? found.FirstOrDefault(m => m.Groups["field"].Value == "id")
                ?? found.FirstOrDefault(m => m.Groups["value"].Value.Contains("/operations/")))?.Groups["value"].Value;
    }
}

namespace Veo.PowerShell.Binding;

/// <summary>
/// A piped value that does not read (a Duration cell "abc", a ResizeMode "Stretch", a file where a prompt belongs), noted
/// for its row instead of thrown from binding. Thrown, PowerShell skips the row before New-VeoVideo sees it: the error
/// named no row, and every later row's number was one too low, since New-VeoVideo numbers the rows it is given. Noted,
/// the row binds with the parameter's default and New-VeoVideo refuses it by number, before anything is sent.
/// </summary>
/// <remarks>
/// Binding and ProcessRecord of one command run on the pipeline's thread, one row after the other, so a note made while
/// a row binds is taken by that row's ProcessRecord. A note is never dropped unsaid, which keeps a bad cell from ever
/// being sent as the default: one left by a row that failed to bind for another reason (a Request cell that is not a
/// request) is said with the next row, and one left when no row came is said at the end of the command.
/// </remarks>
internal static class CellProblems
{
    [ThreadStatic] private static List<string>? notes;

    /// <summary>Once: PowerShell may run a parameter's transformation twice for one cell (without, then with, type coercion).</summary>
    public static void Note(string problem)
    {
        notes ??= [];
        if (!notes.Contains(problem)) notes.Add(problem);
    }

    /// <summary>What was noted since the last take; null when nothing was.</summary>
    public static IReadOnlyList<string>? Take()
    {
        if (notes is not { Count: > 0 } pending) return null;
        var taken = pending.ToList();
        pending.Clear();
        return taken;
    }
}

namespace Veo.HelpGen.Tests;

/// <summary>A copy of the real docs/ in a temp folder, to break one page at a time; gone on Dispose.</summary>
internal sealed class TempDocs : IDisposable
{
    public static readonly string Module = Path.Combine(AppContext.BaseDirectory, "Veo.PowerShell.dll");
    public static readonly string RealDocs = Path.Combine(AppContext.BaseDirectory, "docs");

    public TempDocs()
    {
        Root = Path.Combine(Path.GetTempPath(), "veo-helpgen-" + Guid.NewGuid().ToString("N"));
        Docs = Path.Combine(Root, "docs");
        Output = Path.Combine(Root, "out");
        Directory.CreateDirectory(Docs);
        foreach (var page in Directory.GetFiles(RealDocs, "*.md")) File.Copy(page, Path.Combine(Docs, Path.GetFileName(page)));
    }

    public string Root { get; }
    public string Docs { get; }
    public string Output { get; }

    public HelpOptions Options => new(Module, Docs, Output);

    public string PagePath(string page) => Path.Combine(Docs, page);

    /// <summary>Replaces <paramref name="find"/> (which must be there) in one page.</summary>
    public void Edit(string page, string find, string replace)
    {
        var text = File.ReadAllText(PagePath(page));
        Assert.Contains(find, text);
        File.WriteAllText(PagePath(page), text.Replace(find, replace));
    }

    /// <summary>Replaces the first <paramref name="find"/> (which must be there) in one page; returns the line it was on.</summary>
    public int EditFirst(string page, string find, string replace)
    {
        var text = File.ReadAllText(PagePath(page));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{page} has no '{find}'.");
        File.WriteAllText(PagePath(page), text.Remove(at, find.Length).Insert(at, replace));
        return text.Take(at).Count(c => c == '\n') + 1;
    }

    /// <summary>The line a text starts on, for checking that a diagnostic points at it.</summary>
    public int LineOf(string page, string text)
    {
        var lines = File.ReadAllLines(PagePath(page));
        return Array.FindIndex(lines, l => l.Contains(text)) + 1;
    }

    public HelpResult Run() => HelpGenerator.Run(Options);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

namespace Veo.PowerShell.Tests.Harness;

/// <summary>The source tree the tests run from, for tests that hold the pages (docs/*.md) to what the code does.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Veo.sln"))) return dir.FullName;
        throw new InvalidOperationException("Veo.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The text of a help page, docs/<paramref name="page"/>.</summary>
    public static string Page(string page) => File.ReadAllText(Path.Combine(Root(), "docs", page));
}

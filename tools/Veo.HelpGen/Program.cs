using Veo.HelpGen;

const string Usage = """
    Usage:
      Veo.HelpGen --assembly <Module.dll> --docs <folder of *.md> --out <folder> [--culture en-US] [--references <a.dll;b.dll>]
          checks every page against the cmdlets and writes <Module.dll>-Help.xml and <culture>/about_*.help.txt;
          --references names the assemblies the module needs when they are not beside it
      Veo.HelpGen --assembly <Module.dll> --docs <folder> --scaffold <module name>
          writes a page to fill in for every cmdlet that has none
      Veo.HelpGen --assembly <Module.dll> --update-syntax <folder of *.md>
          rewrites the SYNTAX blocks of existing pages to what Get-Command -Syntax prints (after a parameter change)
    """;

var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "-h" or "--help" or "-?")
    {
        Console.WriteLine(Usage);
        return 0;
    }
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Length)
    {
        Console.Error.WriteLine($"Unexpected argument '{args[i]}'.");
        Console.Error.WriteLine(Usage);
        return 2;
    }
    values[args[i].Substring(2)] = args[++i];
}
if (values.TryGetValue("scaffold", out var module) && values.TryGetValue("assembly", out var dll) && values.TryGetValue("docs", out var folder))
{
    foreach (var page in HelpGenerator.Scaffold(new HelpOptions(Path.GetFullPath(dll), Path.GetFullPath(folder), "", Dependencies: References()), module))
        Console.WriteLine($"Veo.HelpGen: wrote {page}; fill in every '{Veo.HelpGen.Output.PageScaffold.Placeholder} ...}}'.");
    return 0;
}
if (values.TryGetValue("update-syntax", out var pages) && values.TryGetValue("assembly", out var module2))
{
    foreach (var page in HelpGenerator.UpdateSyntax(new HelpOptions(Path.GetFullPath(module2), Path.GetFullPath(pages), "", Dependencies: References())))
        Console.WriteLine($"Veo.HelpGen: updated the syntax in {page}");
    return 0;
}
if (!values.TryGetValue("assembly", out var assembly) || !values.TryGetValue("docs", out var docs) || !values.TryGetValue("out", out var output))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var result = HelpGenerator.Run(new HelpOptions(
    Path.GetFullPath(assembly), Path.GetFullPath(docs), Path.GetFullPath(output), values.GetValueOrDefault("culture", "en-US"), References()));
// MSBuild's Exec turns lines in the canonical "file(line): error CODE: message" form into build errors.
foreach (var diagnostic in result.Diagnostics) Console.Error.WriteLine(diagnostic);
if (!result.Succeeded) return 1;
foreach (var file in result.Written) Console.WriteLine($"Veo.HelpGen: wrote {file}");
return 0;

IReadOnlyList<string> References() =>
    values.GetValueOrDefault("references", "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath).ToList();

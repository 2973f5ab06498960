using Veo.HelpGen.Cmdlets;
using Veo.HelpGen.Docs;
using Veo.HelpGen.Output;

namespace Veo.HelpGen.Checking;

/// <summary>
/// Holds a cmdlet page to what the code declares: the same parameters with the same type, aliases, sets,
/// position, mandatoriness and pipeline binding; a syntax block per set reading what Get-Command -Syntax prints;
/// every [OutputType] under ## OUTPUTS.
/// Help that drifts from the code fails the build rather than misleading a user.
/// </summary>
public static class DocCheck
{
    public static IEnumerable<Diagnostic> Check(CommandDoc doc, CmdletMetadata cmdlet)
    {
        Diagnostic At(int line, string message) => new(doc.Path, line, message);
        var who = $"{cmdlet.Name} ({cmdlet.ClassName})";

        if (!doc.Name.Equals(cmdlet.Name, StringComparison.Ordinal))
            yield return At(doc.NameLine, $"The title is '# {doc.Name}'; the cmdlet is {cmdlet.Name}.");

        foreach (var documented in doc.Parameters)
        {
            var actual = cmdlet.Parameters.FirstOrDefault(p => p.Name.Equals(documented.Name, StringComparison.OrdinalIgnoreCase));
            if (actual is null)
            {
                yield return At(documented.Line, $"-{documented.Name} is documented, but {who} has no parameter named {documented.Name}. " +
                                                 $"Its parameters are: {string.Join(", ", cmdlet.Parameters.Select(p => "-" + p.Name))}.");
                continue;
            }
            foreach (var problem in Compare(documented, actual).Distinct()) yield return At(problem.Line, $"-{actual.Name}: {problem.Message}");
        }
        foreach (var missing in cmdlet.Parameters.Where(p => !p.DontShow && !doc.Parameters.Any(d => d.Name.Equals(p.Name, StringComparison.OrdinalIgnoreCase))))
            yield return At(doc.NameLine, $"{who} has a parameter -{missing.Name} <{missing.TypeName}> that the page does not document: add a '### -{missing.Name}' section under ## PARAMETERS.");

        foreach (var problem in CompareSyntax(doc, cmdlet)) yield return At(problem.Line, problem.Message);

        foreach (var output in cmdlet.OutputTypes.Where(t => !doc.Outputs.Any(o => o.Name.Equals(t, StringComparison.Ordinal))))
            yield return At(doc.NameLine, $"{cmdlet.Name} declares [OutputType({output})], but ## OUTPUTS has no '### {output}'.");
    }

    /// <summary>Each yaml block reads what the scaffold would write for the sets it names, its default value aside.</summary>
    private static IEnumerable<(int Line, string Message)> Compare(ParameterDoc documented, ParameterMetadata actual)
    {
        if (!documented.Name.Equals(actual.Name, StringComparison.Ordinal))
            yield return (documented.Line, $"the heading spells it '-{documented.Name}'.");

        var documentedSets = documented.Blocks.SelectMany(b => b.Sets.Count == 0 ? new[] { CmdletMetadata.AllParameterSets } : b.Sets).ToList();
        var actualSets = actual.Sets.Select(s => s.Set).ToList();
        if (!SameNames(documentedSets, actualSets))
        {
            yield return (documented.First.Fields["Parameter Sets"].Line, $"'Parameter Sets: {string.Join(", ", documentedSets.Select(Display))}' should be 'Parameter Sets: {string.Join(", ", actualSets.Select(Display))}'.");
            yield break;
        }
        foreach (var binding in actual.Sets)
        {
            var block = documented.Blocks.First(b => b.Sets.Count == 0 ? binding.Set == CmdletMetadata.AllParameterSets : b.Sets.Contains(binding.Set, StringComparer.OrdinalIgnoreCase));
            foreach (var (key, expected) in PageScaffold.Fields(actual, binding, binding.Set).Where(f => f.Key is not ("Parameter Sets" or "Default value")))
            {
                if (SameNames(Words(block[key]), Words(expected))) continue;
                var where = actual.Sets.Count > 1 && key is "Required" or "Position" or "Accept pipeline input" ? $" in set {binding.Set}" : "";
                yield return (block.Fields[key].Line, $"'{key}: {block[key]}' should be '{key}: {expected}'{where}.");
            }
        }
    }

    /// <summary>"True (ByValue, ByPropertyName)" and "True (ByPropertyName, ByValue)" say the same; so do aliases in any order.</summary>
    private static IEnumerable<string> Words(string value) => value.Split(new[] { ',', '(', ')', ' ' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each set's block reads what Get-Command -Syntax prints for it, in the order it prints them.</summary>
    private static IEnumerable<(int Line, string Message)> CompareSyntax(CommandDoc doc, CmdletMetadata cmdlet)
    {
        var single = cmdlet.Syntax.Count == 1 && cmdlet.Syntax[0].Set == CmdletMetadata.AllParameterSets;
        var found = new List<SyntaxDoc>();
        foreach (var syntax in cmdlet.Syntax)
        {
            var heading = single ? "" : $"### {syntax.Set}{(syntax.IsDefault ? " (Default)" : "")}";
            var block = doc.Syntax.FirstOrDefault(s => single ? s.SetName is null : string.Equals(s.SetName, syntax.Set, StringComparison.OrdinalIgnoreCase));
            if (block is null)
            {
                yield return (doc.NameLine, $"## SYNTAX has no block for {(single ? "the cmdlet" : $"parameter set {syntax.Set}")}; add{(single ? "" : $" '{heading}' and")} a code block with: {syntax.Text}");
                continue;
            }
            found.Add(block);
            if (Normalize(block.Text) != syntax.Text)
                yield return (block.Line, $"The syntax{(single ? "" : $" of set {syntax.Set}")} should read: {syntax.Text}");
            else if (!single && block.IsDefault != syntax.IsDefault)
                yield return (block.Line, $"The heading should be '{heading}'.");
        }
        if (!found.OrderBy(b => b.Line).SequenceEqual(found))
            yield return (found.Min(b => b.Line), $"## SYNTAX should list the sets in the order Get-Command -Syntax prints them: {string.Join(", ", cmdlet.ParameterSets)}.");
        foreach (var extra in doc.Syntax.Where(s => single ? s.SetName is not null : !cmdlet.ParameterSets.Contains(s.SetName ?? "", StringComparer.OrdinalIgnoreCase)))
            yield return (extra.Line, single
                ? $"{cmdlet.Name} has one parameter set: drop the '### {extra.SetName}' heading."
                : $"{cmdlet.Name} has no parameter set '{extra.SetName ?? "(no heading)"}'; its sets are {string.Join(", ", cmdlet.ParameterSets)}.");
    }

    /// <summary>Whitespace-insensitive, so a long syntax line may be wrapped in the markdown.</summary>
    public static string Normalize(string syntax) => string.Join(" ", syntax.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool SameNames(IEnumerable<string> a, IEnumerable<string> b) =>
        new HashSet<string>(a, StringComparer.OrdinalIgnoreCase).SetEquals(b) && a.Count() == b.Count();

    private static string Display(string set) => set == CmdletMetadata.AllParameterSets ? ParameterYamlReader.AllSets : set;

}

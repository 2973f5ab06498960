using System.Xml.Linq;
using Veo.HelpGen.Cmdlets;
using Veo.HelpGen.Docs;

namespace Veo.HelpGen.Output;

/// <summary>
/// The MAML that Get-Help reads for a binary module (&lt;assembly&gt;.dll-Help.xml): a helpItems root in the
/// "http://msh" namespace holding one command:command per cmdlet, laid out the way platyPS writes it.
/// Bindings (type, sets, position, pipeline, aliases) come from the code, which the docs were checked against;
/// the words come from the docs.
/// </summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument Write(IEnumerable<(CmdletMetadata Cmdlet, CommandDoc Doc)> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                commands.OrderBy(c => c.Cmdlet.Name, StringComparer.OrdinalIgnoreCase).Select(c => CommandElement(c.Cmdlet, c.Doc))));

    private static XElement CommandElement(CmdletMetadata cmdlet, CommandDoc doc) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "command", Command.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "dev", Dev.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp.NamespaceName),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description(new[] { doc.Synopsis })),
            Description(doc.Description),
            new XElement(Command + "syntax", cmdlet.Syntax.Select(syntax => SyntaxItem(cmdlet, doc, syntax))),
            new XElement(Command + "parameters", Documented(cmdlet, doc).Select(p => Parameter(p.Parameter, p.Doc, Merged(p.Parameter), p.Parameter.TypeName))),
            new XElement(Command + "inputTypes", doc.Inputs.Select(t => TypeEntry("inputType", t))),
            new XElement(Command + "returnValues", doc.Outputs.Select(t => TypeEntry("returnValue", t))),
            doc.Notes.Count == 0 ? null : new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(doc.Notes))),
            new XElement(Command + "examples", doc.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", Links(doc)));

    /// <summary>The set's parameters in the order, and with the value types, that Get-Command -Syntax shows, so Get-Help's syntax reads the same.</summary>
    private static XElement SyntaxItem(CmdletMetadata cmdlet, CommandDoc doc, SyntaxLine syntax)
    {
        var bindings = cmdlet.InSet(syntax.Set).ToDictionary(p => p.Parameter.Name, StringComparer.OrdinalIgnoreCase);
        return new(Command + "syntaxItem",
            new XElement(Maml + "name", cmdlet.Name),
            syntax.Parameters.Where(t => bindings.ContainsKey(t.Name))
                .Select(t => Parameter(bindings[t.Name].Parameter, DocOf(doc, bindings[t.Name].Parameter), bindings[t.Name].Binding, t.ValueType)));
    }

    /// <summary>In the page's order, which is the order the author meant them to be read in.</summary>
    private static IEnumerable<(ParameterMetadata Parameter, ParameterDoc? Doc)> Documented(CmdletMetadata cmdlet, CommandDoc doc) =>
        cmdlet.Parameters.Where(p => !p.DontShow)
            .Select(p => (Parameter: p, Doc: DocOf(doc, p)))
            .OrderBy(p => p.Doc is null ? int.MaxValue : p.Doc.Line);

    private static ParameterDoc? DocOf(CommandDoc doc, ParameterMetadata parameter) =>
        doc.Parameters.FirstOrDefault(d => d.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The parameter across its sets, for the parameters section: required only if required in every set.</summary>
    private static ParameterSetMetadata Merged(ParameterMetadata parameter) => new(
        CmdletMetadata.AllParameterSets,
        parameter.Sets.All(s => s.Mandatory),
        parameter.Sets.Select(s => s.Position).FirstOrDefault(p => p is not null),
        parameter.Sets.Aggregate(PipelineInput.None, (all, s) => all | s.Pipeline));

    /// <param name="valueType">The type shown for the value; null for none (a switch in a syntax item).</param>
    private static XElement Parameter(ParameterMetadata parameter, ParameterDoc? doc, ParameterSetMetadata binding, string? valueType)
    {
        var type = parameter.TypeName;
        var variableLength = parameter.IsArray ? "true" : "false";
        return new XElement(Command + "parameter",
            new XAttribute("required", binding.Mandatory ? "true" : "false"),
            new XAttribute("variableLength", variableLength),
            new XAttribute("globbing", parameter.SupportsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", ParameterYamlReader.Describe(binding.Pipeline)),
            new XAttribute("position", binding.Position?.ToString() ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(doc?.Description ?? Array.Empty<string>()),
            valueType is null
                ? null
                : new XElement(Command + "parameterValue", new XAttribute("required", parameter.IsSwitch ? "false" : "true"), new XAttribute("variableLength", variableLength), valueType),
            new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", DefaultValue(doc)));
    }

    private static string DefaultValue(ParameterDoc? doc) =>
        doc is null || doc.First.DefaultValue.Length == 0 ? "None" : doc.First.DefaultValue;

    private static XElement TypeEntry(string element, TypeDoc type) =>
        new(Command + element,
            new XElement(Dev + "type", new XElement(Maml + "name", type.Name)),
            Description(type.Description));

    private static XElement Example(ExampleDoc example) =>
        new(Command + "example",
            new XElement(Maml + "title", $"---------- {example.Title} ----------"),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

    private static IEnumerable<XElement> Links(CommandDoc doc)
    {
        if (doc.OnlineVersion is { } online)
            yield return Link("Online Version:", online);
        foreach (var link in doc.Links)
            yield return Link(link.Text, Markdown.MarkdownParser.IsAbsolute(link.Uri) ? link.Uri : "");
    }

    private static XElement Link(string text, string uri) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));
}

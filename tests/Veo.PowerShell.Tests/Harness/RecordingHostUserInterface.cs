using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// Writes go to <see cref="Lines"/>; a prompt takes the next queued answer, and a prompt nobody expected fails
/// the command, so a test sees it rather than hanging on input.
/// </summary>
internal sealed class RecordingHostUserInterface : PSHostUserInterface
{
    private readonly List<string> _lines = new();
    private readonly List<string> _prompts = new();
    private readonly StringBuilder _partialLine = new();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return _lines.ToList();
        }
    }

    public IReadOnlyList<string> Prompts
    {
        get
        {
            lock (_prompts) return _prompts.ToList();
        }
    }

    public Queue<string> Answers { get; } = new();

    public override PSHostRawUserInterface RawUI { get; } = new RecordingHostRawUserInterface();

    public override void Write(string value)
    {
        lock (_lines)
        {
            var text = _partialLine.Append(value).ToString();
            var lines = text.Split('\n');
            foreach (var line in lines.Take(lines.Length - 1)) _lines.Add(line.TrimEnd('\r'));
            _partialLine.Clear().Append(lines[^1]);
        }
    }

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
    public override void WriteLine(string value) => Write(value + "\n");
    public override void WriteErrorLine(string value) => WriteLine(value);
    public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
    public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
    public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        lock (_prompts) _prompts.Add($"{caption}: {message}");
        if (!Answers.TryDequeue(out var answer))
            throw new InvalidOperationException($"Nobody was expected to be asked \"{caption}: {message}\".");
        for (var i = 0; i < choices.Count; i++)
            if (string.Equals(choices[i].Label.Replace("&", ""), answer, StringComparison.OrdinalIgnoreCase)) return i;
        throw new InvalidOperationException($"\"{answer}\" is not one of the choices: {string.Join(", ", choices.Select(c => c.Label))}.");
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw Unexpected(caption, message);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw Unexpected(caption, message);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw Unexpected(caption, message);

    public override string ReadLine() => throw Unexpected("ReadLine", "");
    public override SecureString ReadLineAsSecureString() => throw Unexpected("ReadLineAsSecureString", "");

    private InvalidOperationException Unexpected(string caption, string message)
    {
        lock (_prompts) _prompts.Add($"{caption}: {message}");
        return new InvalidOperationException($"The test host reads no input; it was asked \"{caption}: {message}\".");
    }
}

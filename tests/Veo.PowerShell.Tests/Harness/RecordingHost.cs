using System.Globalization;
using System.Management.Automation.Host;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// The host PowerShell talks to: records every line it is asked to write (the "What if:" lines of -WhatIf go
/// there) and answers prompts (-Confirm, ShouldContinue) from the answers the test queued.
/// </summary>
public sealed class RecordingHost : PSHost
{
    private readonly RecordingHostUserInterface _ui = new();
    private readonly Guid _instanceId = Guid.NewGuid();

    public override string Name => "VeoTestHost";
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId => _instanceId;
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    /// <summary>Every line written to the host, in order.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    /// <summary>Every prompt shown (caption and message), in order.</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    /// <summary>Queues the user's answer ("Yes", "No", "Yes to All"...) to the next prompt.</summary>
    public void Answer(string choice) => _ui.Answers.Enqueue(choice);

    public override void SetShouldExit(int exitCode)
    {
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException("A test host has no nested prompt.");
    public override void ExitNestedPrompt() => throw new NotSupportedException("A test host has no nested prompt.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }
}

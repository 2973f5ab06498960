using System.Management.Automation.Host;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// A fixed 120x50 window that never reads keys: enough for what scripts and PowerShell ask of $Host.UI.RawUI.
/// (Out-String keeps its own default width; the tests pass -Width where a layout matters.)
/// </summary>
internal sealed class RecordingHostRawUserInterface : PSHostRawUserInterface
{
    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override Size BufferSize { get; set; } = new(120, 50);
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; }
    public override bool KeyAvailable => false;
    public override Size MaxPhysicalWindowSize => BufferSize;
    public override Size MaxWindowSize => BufferSize;
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get; set; } = new(120, 50);
    public override string WindowTitle { get; set; } = "";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The test host reads no keys.");
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
}

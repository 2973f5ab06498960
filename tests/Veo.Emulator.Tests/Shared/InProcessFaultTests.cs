using Veo.Emulator.Tests.Gemini;
using Veo.Emulator.Tests.OpenAIVideos;

namespace Veo.Emulator.Tests.Shared;

// Every fault again through the in-process handler (no socket): a dropped connection must still reach the client as
// an HttpRequestException or IOException, a truncated body as an IOException mid-read, a slow answer as a timeout.

public sealed class InProcessFaultTests : FaultTests
{
    protected override EmulatorHostKind HostKind => EmulatorHostKind.InProcess;
}

public sealed class InProcessGeminiAuthAndFaultTests : GeminiAuthAndFaultTests
{
    protected override EmulatorHostKind HostKind => EmulatorHostKind.InProcess;
}

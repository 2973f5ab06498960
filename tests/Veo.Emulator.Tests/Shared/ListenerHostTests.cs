using Veo.Emulator.Tests.Gemini;
using Veo.Emulator.Tests.OpenAIVideos;
using Veo.Emulator.Tests.Vertex;

namespace Veo.Emulator.Tests.Shared;

// The suites that depend most on the host, again on the loopback listener Start-VeoEmulator -Listen serves (every run;
// VEO_EMULATOR_HOST=Listener runs all of them there): a dropped connection must reach the client as a reset, a
// truncated body as an IOException mid-read, a slow answer as a timeout, and %2F in a path is decoded as in-process.

public sealed class ListenerFaultTests : FaultTests
{
    protected override EmulatorHostKind HostKind => EmulatorHostKind.Listener;
}

public sealed class ListenerGeminiAuthAndFaultTests : GeminiAuthAndFaultTests
{
    protected override EmulatorHostKind HostKind => EmulatorHostKind.Listener;
}

public sealed class ListenerVertexDialectTests : VertexDialectTests
{
    protected override EmulatorHostKind HostKind => EmulatorHostKind.Listener;
}

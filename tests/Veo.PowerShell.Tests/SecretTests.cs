using Veo.Core.Http;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

public class SecretTests : CmdletTest
{
    [Fact]
    public void The_key_appears_in_no_output_stream_error_or_journal_line()
    {
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.FailTask));
        var pipe = Pipe(new NewVeoVideoCommand(), new WaitVeoVideoCommand(), new SaveVeoVideoCommand()).Run("fails", "works", "");

        Assert.NotEmpty(pipe.Output);
        Assert.NotEmpty(pipe.AllErrors);
        Assert.NotEmpty(pipe.AllText.Where(t => t.Length > 0));
        Assert.All(pipe.AllText, text => Assert.DoesNotContain(Core.Tests.Support.TestHome.Key, text));
        Assert.DoesNotContain(Core.Tests.Support.TestHome.Key, File.ReadAllText(Home.Journal.Path));
        Assert.Equal("***", new ApiKey(Core.Tests.Support.TestHome.Key).ToString());
    }
}

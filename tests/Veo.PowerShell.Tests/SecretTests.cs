using Veo.Core.Http;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

public class SecretTests : PowerShellTest
{
    [Fact]
    public void The_key_appears_in_no_output_stream_error_host_line_or_file()
    {
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.FailTask));
        var result = Run("""
            $DebugPreference = 'Continue'
            'fails', 'works', '' | New-VeoVideo -Verbose -Debug | Wait-VeoVideo -Verbose -Debug | Save-VeoVideo -Verbose -Debug
            Get-VeoRoute | Format-List * | Out-String
            Get-VeoVideo | Format-List * | Out-String
            'last' | New-VeoVideo -WhatIf
            """);

        Assert.NotEmpty(result.Output);
        Assert.NotEmpty(result.Errors);
        Assert.NotEmpty(result.Verbose);
        Assert.NotEmpty(result.HostLines);
        Assert.All(result.AllText(), text => Assert.DoesNotContain(TestHome.Key, text));
        Assert.All(Directory.GetFiles(Home.Folder, "*.json*"), file => Assert.DoesNotContain(TestHome.Key, File.ReadAllText(file)));
        Assert.Equal("***", new ApiKey(TestHome.Key).ToString());
    }

    [Fact]
    public void The_key_is_not_in_the_sessions_variables()
    {
        var text = Run("Get-Variable | Out-String -Width 500").Text;
        Assert.DoesNotContain(TestHome.Key, text);
    }
}

using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>new-api answers an unknown task id 400 task_not_exist: users see it as a missing task, not a bad request.</summary>
public class UnknownTaskTests : PowerShellTest
{
    [Fact]
    public void Waiting_for_an_id_the_gateway_does_not_know_is_a_NotFound_error()
    {
        var result = Run("Wait-VeoVideo -Id task_doesnotexist -Route LaoZhang -ErrorAction SilentlyContinue -ErrorVariable failed; $failed");

        var error = Assert.Single(result.Objects<System.Management.Automation.ErrorRecord>());
        Assert.StartsWith("NotFound", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }
}

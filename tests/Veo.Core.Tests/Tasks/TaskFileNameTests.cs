using Veo.Core.Tasks;

namespace Veo.Core.Tests.Tasks;

public class TaskFileNameTests
{
    [Fact]
    public void A_Gemini_operation_is_saved_under_its_short_id() =>
        Assert.Equal("abc123.mp4", TaskFileName.For("models/veo-3.1-fast-generate-preview/operations/abc123"));

    [Fact]
    public void Characters_no_file_system_allows_become_underscores() =>
        Assert.Equal("veo3.1-fast_1770350082-abc.mp4", TaskFileName.For("veo3.1-fast:1770350082-abc"));

    [Fact]
    public void A_plain_id_is_the_file_name() => Assert.Equal("task_x.mp4", TaskFileName.For("task_x"));
}

namespace Veo.Core.Tests.Media;

/// <summary>A box at the top of a test file, with its bytes, so tests can cut and rearrange files.</summary>
internal sealed record TopLevelBox(string Type, int Offset, byte[] Bytes)
{
    public int End => Offset + Bytes.Length;
}

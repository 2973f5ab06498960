namespace Veo.Core.Pricing;

/// <summary>A video was not made because it would pass a spending cap; nothing was sent.</summary>
public sealed class SpendingCapException : Exception
{
    public SpendingCapException(string message) : base(message)
    {
    }
}

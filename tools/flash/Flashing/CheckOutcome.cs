namespace IotMinerAgent.Flash.Flashing;

/// <summary>What a check of nanoff's output concluded.</summary>
/// <param name="Failed">True when the step must stop.</param>
/// <param name="Message">Why it failed, or a warning when it passed with one; empty when all is well.</param>
/// <param name="ResumeStep">The step to resume from after fixing it, when that is not the failed step itself.</param>
public sealed record CheckOutcome(bool Failed, string Message, int? ResumeStep = null)
{
    /// <summary>All is well.</summary>
    public static CheckOutcome Pass { get; } = new(false, string.Empty);

    /// <summary>Go on, but tell the user.</summary>
    public static CheckOutcome Warn(string message) => new(false, message);

    /// <summary>Stop the step.</summary>
    public static CheckOutcome Fail(string message, int? resumeStep = null) => new(true, message, resumeStep);
}

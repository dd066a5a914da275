using System.Diagnostics;

namespace RallyNov.Users.Security;

/// <summary>
/// The one way the account pages keep their timing from telling which accounts exist: an answer
/// that differs in work by account (a refused sign-in, a « mot de passe oublié » request) is held
/// back until a fixed time has passed since the request began, far above the work itself.
/// </summary>
internal static class AnswerFloor
{
    /// <summary>A refused sign-in: a wrong password pays a hash check and a write (~50 ms), a blocked or unknown account less.</summary>
    public static readonly TimeSpan SignInRefusal = TimeSpan.FromMilliseconds(400);

    /// <summary>« Mot de passe oublié ? »: a real account costs a database write (~20 ms), an unknown one nothing.</summary>
    public static readonly TimeSpan PasswordResetRequest = TimeSpan.FromMilliseconds(300);

    /// <summary>A start for <see cref="WaitAsync"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Waits until <paramref name="floor"/> has passed since <paramref name="started"/>.</summary>
    public static async Task WaitAsync(long started, TimeSpan floor, CancellationToken cancellationToken)
    {
        var remaining = floor - Stopwatch.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, cancellationToken);
        }
    }
}

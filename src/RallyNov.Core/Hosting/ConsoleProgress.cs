namespace RallyNov.Core.Hosting;

/// <summary>A one-line progress bar for command-line verbs: "[#####.....] 1 234 / 5 000".</summary>
public sealed class ConsoleProgress(TextWriter output, string label) : IProgress<(int Done, int Total)>
{
    private const int Width = 30;
    private int _lastPercent = -1;

    public void Report((int Done, int Total) value)
    {
        var percent = value.Total <= 0 ? 100 : (int)(100L * value.Done / value.Total);
        if (percent == _lastPercent)
        {
            return; // redrawing the same line thousands of times slows big runs down
        }

        _lastPercent = percent;
        var filled = Width * percent / 100;
        output.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {value.Done:N0} / {value.Total:N0}");
        if (value.Done >= value.Total)
        {
            output.WriteLine();
        }
    }
}

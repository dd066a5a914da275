namespace RallyNov.Core.Hosting;

/// <summary>
/// A command-line verb a module adds to the host executable
/// (`dotnet run --project src/RallyNov.Cms -- index rebuild --tenant Bourgogne`).
/// </summary>
public interface ICommandLineVerb
{
    /// <summary>First word on the command line, e.g. "index".</summary>
    string Name { get; }

    /// <summary>Help lines in French, one per form of the verb.</summary>
    IReadOnlyList<string> Usage { get; }

    /// <returns>The process exit code: 0 on success.</returns>
    Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken);
}

/// <summary>The arguments after the verb ("--name value" options and positional words) and the console.</summary>
public sealed class CommandLineContext
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positional = [];

    public CommandLineContext(IReadOnlyList<string> arguments, TextWriter output)
    {
        Output = output;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineUsageException($"l'option {arguments[i]} attend une valeur.");
                }

                _options[arguments[i][2..]] = arguments[++i];
            }
            else
            {
                _positional.Add(arguments[i]);
            }
        }
    }

    public TextWriter Output { get; }

    public IReadOnlyList<string> Positional => _positional;

    public bool HasOptions => _options.Count > 0;

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) => Option(name) ?? throw new CommandLineUsageException($"l'option --{name} est obligatoire.");

    public int IntOption(string name, int fallback) =>
        Option(name) is not { } text ? fallback
        : int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new CommandLineUsageException($"--{name} attend un nombre entier positif.");
}

/// <summary>Wrong or missing arguments: the host prints the message and the usage, exit code 2.</summary>
public sealed class CommandLineUsageException : Exception
{
    public CommandLineUsageException()
    {
    }

    public CommandLineUsageException(string message)
        : base(message)
    {
    }

    public CommandLineUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

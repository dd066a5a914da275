namespace RallyNov.Cms.CommandLine;

/// <summary>"--name value" options and positional arguments of a verb.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Positional { get; } = [];

    public static CommandArguments Parse(string[] args)
    {
        var result = new CommandArguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineException($"l'option {args[i]} attend une valeur.");
                }

                result._options[args[i][2..]] = args[++i];
            }
            else
            {
                result.Positional.Add(args[i]);
            }
        }

        return result;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) => Option(name) ?? throw new CommandLineException($"l'option --{name} est obligatoire.");
}

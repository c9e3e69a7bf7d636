namespace Ckan.Cli.Commands;

/// <summary>
/// A command failure whose message is written for the person at the terminal, naming the value at fault and
/// the next step. <see cref="CliRuntime.GuardAsync"/> prints it as one line.
/// </summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

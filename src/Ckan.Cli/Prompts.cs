namespace Ckan.Cli;

/// <summary>Interactive questions, answered from standard input; without a terminal they take the safe answer.</summary>
public static class Prompts
{
    /// <summary>Asks a yes/no question; returns false when input is redirected and empty.</summary>
    public static bool Confirm(CommandIo io, string question, bool defaultAnswer = false)
    {
        io.Output.Write(question + (defaultAnswer ? " [Y/n]: " : " [y/N]: "));
        var answer = Console.In.ReadLine();
        if (string.IsNullOrWhiteSpace(answer))
        {
            return defaultAnswer && !Console.IsInputRedirected;
        }

        return answer.Trim().StartsWith('y') || answer.Trim().StartsWith('Y');
    }

    /// <summary>Reads a password twice without echoing it; returns null when there is no terminal.</summary>
    public static string? ReadNewPassword(CommandIo io)
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }

        var first = ReadHidden(io, "Password: ");
        var second = ReadHidden(io, "Repeat for confirmation: ");
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            io.Error.WriteLine("Error: the two entered values do not match.");
            return null;
        }

        return first;
    }

    private static string ReadHidden(CommandIo io, string prompt)
    {
        io.Output.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                io.Output.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }

                continue;
            }

            text.Append(key.KeyChar);
        }
    }
}

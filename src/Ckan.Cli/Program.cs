using Ckan.Cli;

return await CkanCommandLine.InvokeAsync(args, Console.Out, Console.Error);

using VpcLab.Cli;

return VpcLabCommand.Run(args, Console.Out, Console.Error);

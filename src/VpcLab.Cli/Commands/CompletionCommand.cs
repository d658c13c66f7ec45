using System.CommandLine;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab completion bash|zsh|fish</c>: a shell script that completes commands, options and values by
/// asking vpclab itself (System.CommandLine's <c>[suggest:POSITION]</c> directive), so it never goes stale.</summary>
public static class CompletionCommand
{
    public static readonly IReadOnlyDictionary<string, string> Scripts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bash"] = """
            # vpclab completion for bash. Load it with: source <(vpclab completion bash)
            _vpclab_complete() {
              local IFS=$'\n'
              local line="${COMP_LINE:0:COMP_POINT}"
              local rest="${line#*[[:space:]]}"
              [ "$rest" = "$line" ] && rest=""
              local cur="${COMP_WORDS[COMP_CWORD]}"
              COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#rest}]" "$rest" 2>/dev/null)" -- "$cur"))
            }
            complete -o default -F _vpclab_complete vpclab
            """,
        ["zsh"] = """
            #compdef vpclab
            # vpclab completion for zsh. Load it with: source <(vpclab completion zsh)
            _vpclab() {
              local rest="${(j: :)words[2,CURRENT]}"
              local -a completions
              completions=("${(@f)$(${words[1]} "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
              compadd -a completions
            }
            compdef _vpclab vpclab
            """,
        ["fish"] = """
            # vpclab completion for fish. Load it with: vpclab completion fish | source
            function __vpclab_complete
                set -l line (commandline -cp)
                set -l rest (string replace -r '^\S+\s*' '' -- $line)
                vpclab "[suggest:"(string length -- "$rest")"]" "$rest" 2>/dev/null
            end
            complete -c vpclab -f -a '(__vpclab_complete)'
            """,
    };

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        var command = new Command("completion", "Print a shell completion script: source <(vpclab completion bash)") { shell };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(Scripts[parse.GetValue(shell)!]);
            return ExitCodes.Ok;
        });
        return command;
    }
}

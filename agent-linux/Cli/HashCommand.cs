using System;
using System.CommandLine;
using System.IO;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Hosting;

namespace IotMinerAgent.Linux.Cli;

/// <summary><c>iotminer hash</c>: hashes hex input with a proof-of-work algorithm.</summary>
internal sealed class HashCommand : Command
{
    private readonly Option<string> _algo = new("--algo")
    {
        Description = "sha256d (printed in display order), scrypt (N=1024, r=1, p=1, salt = input; display order) or sha1 (plain digest)",
        Required = true,
    };

    private readonly Option<string> _hex = new("--hex") { Description = "The input bytes in hex", Required = true };
    private readonly Option<bool> _json = new("--json") { Description = "Print a JSON object instead of text" };

    public HashCommand()
        : base("hash", "Hash hex input with sha256d, scrypt or sha1 and print the digest.")
    {
        _algo.AcceptOnlyFromAmong(Algorithms.Sha256d, Algorithms.Scrypt, "sha1");
        Options.Add(_algo);
        Options.Add(_hex);
        Options.Add(_json);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        string algo = parse.GetRequiredValue(_algo);
        byte[] input = HexArgument.Decode(parse.GetRequiredValue(_hex), "--hex");
        string digest = algo switch
        {
            Algorithms.Sha256d => HexArgument.DisplayOrder(Sha256d.Hash(input)),
            Algorithms.Scrypt => HexArgument.DisplayOrder(Scrypt.Derive(input, input, 1024, 1, 1, 32)),
            _ => Convert.ToHexStringLower(Sha1.Hash(input)),
        };
        TextWriter output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            output.WriteLine(CliJson.Serialize(new HashResultJson(algo, digest)));
        }
        else
        {
            output.WriteLine(digest);
        }

        return ExitCodes.Ok;
    }
}

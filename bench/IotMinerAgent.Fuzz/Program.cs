using System;
using System.IO;
using System.Text;
using IotMinerAgent.Fuzz;
using SharpFuzz;

// SharpFuzz harness: `IotMinerAgent.Fuzz <target>` runs under afl-fuzz (bench/fuzz.sh); `IotMinerAgent.Fuzz seed <target> <dir>`
// writes the seed corpus from real messages; `IotMinerAgent.Fuzz run <target> <file>` replays one input (a crash AFL found).
// Both of these only work uninstrumented: instrumented code writes AFL's coverage map, which exists only under afl-fuzz.
switch (args)
{
    case ["seed", string name, string directory] when FuzzTargets.Find(name) is { } target:
        Directory.CreateDirectory(directory);
        byte[][] seeds = target.Seeds();
        for (int i = 0; i < seeds.Length; i++)
        {
            File.WriteAllBytes(Path.Combine(directory, $"seed-{i:D2}"), seeds[i]);
        }

        Console.WriteLine($"{seeds.Length} seeds for {name} in {directory}");
        return 0;
    case ["run", string name, string file] when FuzzTargets.Find(name) is { } target:
        target.Run(File.ReadAllBytes(file));
        Console.WriteLine("no crash");
        return 0;
    case [string name] when FuzzTargets.Find(name) is { } target:
        // Out of process: a crash or hang of the parser does not take the fork server down (SharpFuzz docs).
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;
    default:
        return Usage();
}

static int Usage()
{
    var names = new StringBuilder();
    foreach (FuzzTarget target in FuzzTargets.All)
    {
        names.Append(' ').Append(target.Name);
    }

    Console.Error.WriteLine("usage: IotMinerAgent.Fuzz <target> | seed <target> <dir> | run <target> <file>; targets:" + names);
    return 64;
}

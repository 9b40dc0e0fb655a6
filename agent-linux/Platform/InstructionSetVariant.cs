using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IotMinerAgent.Linux.Platform;

/// <summary>
/// Starts the amd64 package's executable built for the instruction sets this CPU has. NativeAOT compiles for one
/// fixed instruction set: in the baseline build (x86-64-v2) <c>Avx2.IsSupported</c> and <c>Avx512F.IsSupported</c>
/// are constant false, so the AVX2 and AVX-512 hashing engines could never run. The package therefore ships
/// <c>iotminer.x86-64-v3</c> (AVX2) and <c>iotminer.x86-64-v4</c> (AVX-512) beside <c>iotminer</c>, and the baseline
/// executable replaces itself with the best one the CPU runs (execve(2): same process id, so systemd's notify and
/// watchdog still see the service's main process) before anything else starts. A JIT build picks its instruction
/// sets at run time and is left alone. docs/service.md, "Footprint", says why the package is built this way.
/// </summary>
public static partial class InstructionSetVariant
{
    /// <summary>
    /// Set in the started variant's environment to its level; an owner who sets it (to anything, e.g. <c>baseline</c>)
    /// keeps the executable that was started.
    /// </summary>
    public const string EnvironmentVariable = "IOTMINER_ISA_VARIANT";

    // The x86-64 psABI microarchitecture levels (System V AMD64 ABI, "Micro-architecture levels"), as the Linux
    // kernel names the CPU's features in /proc/cpuinfo (it lists the AVX ones only when it saves their registers).
    // NativeAOT refuses to start a build whose level the CPU lacks, so the check must cover the whole level.
    static readonly string[] s_v3Flags = ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"];
    static readonly string[] s_v4Flags = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"];

    /// <summary>
    /// In the baseline NativeAOT build on x64, replaces this process with the best variant beside it; returns (and
    /// the baseline build runs on) when there is none, when this is already a variant or a JIT build, or when the
    /// exec fails (said on <paramref name="error"/>).
    /// </summary>
    public static void ExecBestOrContinue(string[] args, TextWriter error)
    {
        if (RuntimeFeature.IsDynamicCodeSupported || RuntimeInformation.ProcessArchitecture != Architecture.X64
            || Environment.GetEnvironmentVariable(EnvironmentVariable) is not null || Environment.ProcessPath is not { } self)
        {
            return;
        }

        string? level = Choose(ReadCpuFlags(), candidate => File.Exists(self + "." + candidate));
        if (level is null)
        {
            return;
        }

        string variant = self + "." + level;
        string?[] argv = [variant, .. args, null];
        Execve(variant, argv, EnvironmentWith(level));
        error.WriteLine($"iotminer: could not start {variant} (errno {Marshal.GetLastPInvokeError()}); running the baseline build, whose hashing engines use 128-bit vectors only");
    }

    /// <summary>
    /// The best level (<c>x86-64-v4</c>, then <c>x86-64-v3</c>) whose every feature is in <paramref name="cpuFlags"/>
    /// (the <c>flags</c> line of /proc/cpuinfo) and whose executable <paramref name="isShipped"/>; null for neither.
    /// </summary>
    public static string? Choose(string cpuFlags, Func<string, bool> isShipped)
    {
        var flags = new HashSet<string>(cpuFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        bool v3 = flags.IsSupersetOf(s_v3Flags);
        if (v3 && flags.IsSupersetOf(s_v4Flags) && isShipped("x86-64-v4"))
        {
            return "x86-64-v4";
        }

        return v3 && isShipped("x86-64-v3") ? "x86-64-v3" : null;
    }

    static string ReadCpuFlags()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("flags", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                {
                    return line[(colon + 1)..];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return string.Empty;
    }

    // Environment.SetEnvironmentVariable changes only .NET's copy, not the environ execve(2) would pass on.
    static string?[] EnvironmentWith(string level)
    {
        var entries = new List<string?>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            entries.Add($"{entry.Key}={entry.Value}");
        }

        entries.Add($"{EnvironmentVariable}={level}");
        entries.Add(null);
        return [.. entries];
    }

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execve(string path, string?[] argv, string?[] envp);
}

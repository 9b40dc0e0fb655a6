using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>Features of the x86-64 psABI microarchitecture levels 3 and 4 ("Micro-architecture levels").</summary>
    [Flags]
    internal enum Features
    {
        None = 0,
        Avx = 1 << 0, Avx2 = 1 << 1, Bmi1 = 1 << 2, Bmi2 = 1 << 3, Fma = 1 << 4, Lzcnt = 1 << 5, Movbe = 1 << 6,
        Avx512F = 1 << 7, Avx512BW = 1 << 8, Avx512CD = 1 << 9, Avx512DQ = 1 << 10, Avx512VL = 1 << 11,
    }

    // What .NET's x86-64-v3 and x86-64-v4 builds require: NativeAOT refuses to start a build whose level the CPU lacks,
    // so the choice must cover the whole level.
    const Features Level3 = Features.Avx | Features.Avx2 | Features.Bmi1 | Features.Bmi2 | Features.Fma | Features.Lzcnt | Features.Movbe;
    const Features Level4 = Level3 | Features.Avx512F | Features.Avx512BW | Features.Avx512CD | Features.Avx512DQ | Features.Avx512VL;
    const Features AvxFamily = Level4 & ~(Features.Bmi1 | Features.Bmi2 | Features.Lzcnt | Features.Movbe);
    const Features Avx512Family = Level4 & ~Level3;

    // The builds' names: the suffix of their executables beside iotminer (packaging/build-deb.sh).
    const string Level3Build = "x86-64-v3";
    const string Level4Build = "x86-64-v4";

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

        string? level = Choose(Detect(), candidate => File.Exists(self + "." + candidate));
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
    /// The executable that chooses (<c>iotminer</c>) for <paramref name="processPath"/>, which may be a variant: what
    /// a unit should start, so a CPU change (a virtual machine moved to another host) still gets a build it runs.
    /// </summary>
    public static string Baseline(string processPath)
    {
        foreach (string level in (string[])[Level3Build, Level4Build])
        {
            if (processPath.EndsWith("." + level, StringComparison.Ordinal))
            {
                return processPath[..^(level.Length + 1)];
            }
        }

        return processPath;
    }

    /// <summary>
    /// The best level (<c>x86-64-v4</c>, then <c>x86-64-v3</c>) whose every feature the CPU has and whose executable
    /// <paramref name="isShipped"/>; null for neither.
    /// </summary>
    internal static string? Choose(Features features, Func<string, bool> isShipped)
    {
        if ((features & Level4) == Level4 && isShipped(Level4Build))
        {
            return Level4Build;
        }

        return (features & Level3) == Level3 && isShipped(Level3Build) ? Level3Build : null;
    }

    // CPUID (Intel SDM Vol. 2A, "CPUID"; AMD APM Vol. 3, appendix E) says what the CPU has. Whether the kernel saves
    // the AVX and AVX-512 registers (XCR0) CPUID cannot say and .NET has no XGETBV: the kernel lists "avx" and
    // "avx512f" in /proc/cpuinfo only when it does. The kernel's list alone is not enough: some hypervisors hide
    // LZCNT ("abm") from it while CPUID reports it.
    static Features Detect()
    {
        if (!X86Base.IsSupported)
        {
            return Features.None;
        }

        (_, _, int ecx1, _) = X86Base.CpuId(1, 0);
        (_, int ebx7, _, _) = X86Base.CpuId(7, 0);
        (_, _, int ecxExtended, _) = X86Base.CpuId(unchecked((int)0x8000_0001), 0);
        Features features = Bit(ecx1, 12, Features.Fma) | Bit(ecx1, 22, Features.Movbe) | Bit(ecx1, 28, Features.Avx)
            | Bit(ebx7, 3, Features.Bmi1) | Bit(ebx7, 5, Features.Avx2) | Bit(ebx7, 8, Features.Bmi2)
            | Bit(ebx7, 16, Features.Avx512F) | Bit(ebx7, 17, Features.Avx512DQ) | Bit(ebx7, 28, Features.Avx512CD)
            | Bit(ebx7, 30, Features.Avx512BW) | Bit(ebx7, 31, Features.Avx512VL) | Bit(ecxExtended, 5, Features.Lzcnt);
        string[] kernel = ReadCpuFlags().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Array.IndexOf(kernel, "avx") < 0)
        {
            features &= ~AvxFamily;
        }

        if (Array.IndexOf(kernel, "avx512f") < 0)
        {
            features &= ~Avx512Family;
        }

        return features;
    }

    static Features Bit(int register, int bit, Features feature) => ((register >> bit) & 1) != 0 ? feature : Features.None;

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

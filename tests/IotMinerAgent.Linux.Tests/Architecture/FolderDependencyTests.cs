using System;
using System.IO;
using System.Linq;

namespace IotMinerAgent.Linux.Tests.Architecture;

/// <summary>
/// The layering of docs/architecture.md, enforced: within each product project, no folder (namespace) depends on a
/// folder that depends back on it. A cycle fails naming each edge and the use that makes it.
/// </summary>
public sealed class FolderDependencyTests
{
    [Theory]
    [InlineData("agent-linux", "IotMinerAgent.Linux")]
    [InlineData("hashing-core", "IotMinerAgent.Hashing")]
    [InlineData("governor", "IotMinerAgent.Governor")]
    [InlineData("firmware", "IotMinerAgent.Firmware")]
    [InlineData("tools/flash", "IotMinerAgent.Flash")]
    public void Folders_depend_on_each_other_without_a_cycle(string project, string rootNamespace)
    {
        FolderGraph graph = FolderGraph.Build(Path.Combine(RepositoryRoot(), project), rootNamespace);

        FolderEdge[][] cycles = graph.Cycles();

        Assert.True(cycles.Length == 0, $"{project} has folders that depend on each other; each edge below is on a cycle. " +
            "Move the type behind an edge to the lower folder, or put the interface beside the data it owns (docs/architecture.md):" +
            string.Concat(cycles.Select(c => Environment.NewLine + "- " + string.Join(Environment.NewLine + "  ", c))));
    }

    [Fact]
    public void The_agents_graph_has_the_edges_its_code_makes()
    {
        FolderGraph graph = FolderGraph.Build(Path.Combine(RepositoryRoot(), "agent-linux"), "IotMinerAgent.Linux");

        Assert.Contains(graph.Edges, e => e.From == "Stratum" && e.To == "Stratum/Codec");
        Assert.Contains(graph.Edges, e => e.From == "Gateway/Hosting" && e.To == "Gateway/Fleet");
    }

    [Fact]
    public void A_cycle_is_found_and_named_with_the_use_behind_each_edge()
    {
        string dir = Directory.CreateTempSubdirectory("folder-graph-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "Low"));
            Directory.CreateDirectory(Path.Combine(dir, "High"));
            File.WriteAllText(Path.Combine(dir, "Low", "Sensor.cs"), "namespace Demo.Low;\npublic sealed class Sensor { public Demo.High.Screen? Shown; }\n");
            File.WriteAllText(Path.Combine(dir, "High", "Screen.cs"), "using Demo.Low;\nnamespace Demo.High;\npublic sealed class Screen\n{\n    public Sensor? Source;\n}\n");
            File.WriteAllText(Path.Combine(dir, "Root.cs"), "namespace Demo;\npublic sealed class Root { public Low.Sensor? S; }\n");

            FolderEdge[] cycle = Assert.Single(FolderGraph.Build(dir, "Demo").Cycles());

            Assert.Equal(["High → Low", "Low → High"], cycle.Select(e => $"{e.From} → {e.To}").Order());
            Assert.Contains(cycle, e => e.ToString() == $"High → Low ({Path.Combine("High", "Screen.cs")}:5 uses Sensor)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IotMinerAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("IotMinerAgent.sln not found above " + AppContext.BaseDirectory);
    }
}

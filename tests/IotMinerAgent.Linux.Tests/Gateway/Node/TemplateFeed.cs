using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

/// <summary>Runs a <see cref="NodeUpstream"/> in the background and hands its templates to the test in order.</summary>
public sealed class TemplateFeed : IAsyncDisposable
{
    readonly Channel<NodeTemplate> _templates = Channel.CreateUnbounded<NodeTemplate>();
    readonly CancellationTokenSource _stop = new();

    public TemplateFeed(NodeUpstream upstream)
    {
        Upstream = upstream;
        Run = Task.Run(() => upstream.RunAsync(
            (template, _) =>
            {
                _templates.Writer.TryWrite((NodeTemplate)template);
                return ValueTask.CompletedTask;
            },
            _stop.Token));
    }

    public NodeUpstream Upstream { get; }

    /// <summary>RunAsync itself: faults with the upstream's fatal error.</summary>
    public Task Run { get; }

    /// <summary>The next template; fails with RunAsync's error if it stopped.</summary>
    public async Task<NodeTemplate> NextAsync(double seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        Task<NodeTemplate> next = _templates.Reader.ReadAsync(timeout.Token).AsTask();
        Task first = await Task.WhenAny(next, Run);
        if (first == Run && !next.IsCompleted)
        {
            await Run;
            throw new InvalidOperationException("RunAsync ended without an error and without a template.");
        }

        return await next;
    }

    /// <summary>Templates until one satisfies <paramref name="wanted"/>.</summary>
    public async Task<NodeTemplate> NextWhereAsync(Func<NodeTemplate, bool> wanted, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            NodeTemplate template = await NextAsync(Math.Max(0.1, (deadline - DateTime.UtcNow).TotalSeconds));
            if (wanted(template))
            {
                return template;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // A fatal error of RunAsync reached the test through NextAsync; stopping only has to wait for it to end.
        await Run.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
        Upstream.Dispose();
    }
}

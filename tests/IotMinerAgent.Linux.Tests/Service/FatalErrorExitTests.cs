using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IotMinerAgent.Linux.Tests.Service;

public class FatalErrorExitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Why FatalErrorExit exists: on .NET 10 a throwing BackgroundService ends host.RunAsync normally, so Main would
    // return 0 and systemd's Restart=on-failure would not restart the agent. The two tests below hold the host that
    // `iotminer run` and `iotminer gateway` really start (ServiceHostBuilder) to the exit codes systemd relies on.
    [Fact]
    public async Task The_agents_host_ends_with_exit_code_1_when_a_hosted_service_throws()
    {
        HostApplicationBuilder builder = ServiceHostBuilder.Create("iotminer-test", new ConfigurationBuilder().Build());
        builder.Services.AddHostedService<ThrowingWorker>();
        using IHost host = builder.Build();

        Assert.Equal(ExitCodes.Failure, await FatalErrorExit.RunAsync(host, TextWriter.Null).WaitAsync(Patience));
    }

    [Fact]
    public async Task The_agents_host_lets_any_service_stop_it_with_the_configuration_exit_code()
    {
        HostApplicationBuilder builder = ServiceHostBuilder.Create("iotminer-test", new ConfigurationBuilder().Build());
        builder.Services.AddHostedService<ConfigReloadFailure>();
        using IHost host = builder.Build();

        Assert.Equal(ExitCodes.Config, await FatalErrorExit.RunAsync(host, TextWriter.Null).WaitAsync(Patience));
    }

    [Fact]
    public async Task A_throwing_background_service_gives_exit_code_1()
    {
        using IHost host = Host(services => services.AddHostedService<ThrowingWorker>());
        Assert.Equal(ExitCodes.Failure, await FatalErrorExit.RunAsync(host, TextWriter.Null).WaitAsync(Patience));
    }

    [Fact]
    public async Task A_fatal_stop_gives_its_exit_code_and_the_first_one_wins()
    {
        using IHost host = Host(services => services.AddHostedService<ConfigReloadFailure>());
        Assert.Equal(ExitCodes.Config, await FatalErrorExit.RunAsync(host, TextWriter.Null).WaitAsync(Patience));
    }

    [Fact]
    public async Task Options_that_fail_validation_at_start_give_exit_code_78_and_each_message()
    {
        using IHost host = Host(services =>
        {
            services.AddOptions<SampleOptions>()
                .Validate(o => o.Threads >= 0, "mining:threads = -1 is out of range: use 0 (one per core) or 1..N.")
                .Validate(o => o.Algorithm == "sha256d", "mining:algorithm = 'md5' is not supported: use sha256d or scrypt.")
                .Configure(o => (o.Threads, o.Algorithm) = (-1, "md5"))
                .ValidateOnStart();
        });
        var error = new StringWriter();

        Assert.Equal(ExitCodes.Config, await FatalErrorExit.RunAsync(host, error).WaitAsync(Patience));
        Assert.Contains("iotminer: configuration error: mining:threads = -1 is out of range", error.ToString());
        Assert.Contains("iotminer: configuration error: mining:algorithm = 'md5' is not supported", error.ToString());
    }

    [Fact]
    public async Task A_clean_stop_gives_exit_code_0()
    {
        using IHost host = Host(services => services.AddHostedService<StopsCleanly>());
        Assert.Equal(ExitCodes.Ok, await FatalErrorExit.RunAsync(host, TextWriter.Null).WaitAsync(Patience));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void A_fatal_stop_needs_an_exit_code_that_means_failure(int code)
    {
        using IHost host = Host(_ => { });
        Assert.Throws<ArgumentOutOfRangeException>(() => host.Services.GetRequiredService<FatalErrorStop>().Stop(code, "reason"));
    }

    private static IHost Host(Action<IServiceCollection> configure)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFatalErrorExit();

        configure(builder.Services);
        return builder.Build();
    }

    private sealed class SampleOptions
    {
        public int Threads { get; set; }

        public string Algorithm { get; set; } = string.Empty;
    }

    private sealed class ThrowingWorker : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("a worker failed");
        }
    }

    private sealed class ConfigReloadFailure(FatalErrorStop fatal) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            fatal.Stop(ExitCodes.Config, "reloaded configuration is invalid");
            fatal.Stop(ExitCodes.Failure, "a later error");
        }
    }

    private sealed class StopsCleanly(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            lifetime.StopApplication();
        }
    }
}

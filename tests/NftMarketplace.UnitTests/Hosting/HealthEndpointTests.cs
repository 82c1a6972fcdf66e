using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.UnitTests.Hosting;

/// <summary><c>/health</c>: one run of the checks per period for all callers, components only for local callers and admins.</summary>
public sealed class HealthEndpointTests : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CountingCheck _check = new();
    private readonly SteppedClock _clock = new();

    public HealthEndpointTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Health:CacheDuration"] = "00:00:05";
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.AddDefaultHealthChecks();
        builder.Services.AddHealthChecks().AddCheck("postgres", _check, tags: [ServiceDefaultsExtensions.ReadyTag]);
        _services = builder.Services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Concurrent_callers_share_one_run_and_the_result_is_reused_until_it_is_stale()
    {
        _check.Hold();
        var first = GetAsync(IPAddress.Loopback);
        var second = GetAsync(IPAddress.Parse("203.0.113.5"));
        await WaitForAsync(() => _check.Runs == 1);
        _check.Release();
        await Task.WhenAll(first, second);

        // Reused while fresh, however many ask.
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(200, (await GetAsync(IPAddress.Loopback)).Status);
        }

        Assert.Equal(1, _check.Runs);
        _clock.Advance(TimeSpan.FromSeconds(5));
        await GetAsync(IPAddress.Loopback);
        Assert.Equal(2, _check.Runs);
    }

    [Fact]
    public async Task A_local_caller_sees_the_components_and_a_remote_one_only_the_status()
    {
        var local = await GetAsync(IPAddress.Loopback);
        var localV6 = await GetAsync(IPAddress.IPv6Loopback);
        var remote = await GetAsync(IPAddress.Parse("203.0.113.5"));

        Assert.Equal("Healthy", local.Body.GetProperty("components").GetProperty("postgres").GetProperty("status").GetString());
        Assert.True(localV6.Body.TryGetProperty("components", out _));
        Assert.Equal("""{"status":"Healthy"}""", remote.Body.GetRawText());
        Assert.Equal(200, remote.Status);
    }

    [Fact]
    public async Task A_remote_admin_sees_the_components_and_a_remote_user_without_the_role_does_not()
    {
        var admin = await GetAsync(IPAddress.Parse("203.0.113.5"), User("admin"));
        var curator = await GetAsync(IPAddress.Parse("203.0.113.5"), User("curator"));

        Assert.True(admin.Body.TryGetProperty("components", out _));
        Assert.False(curator.Body.TryGetProperty("components", out _));
    }

    [Fact]
    public async Task An_unhealthy_dependency_is_503_for_everyone_and_named_only_to_local_callers()
    {
        _check.Result = HealthCheckResult.Unhealthy("connection refused");

        var remote = await GetAsync(IPAddress.Parse("203.0.113.5"));
        var local = await GetAsync(IPAddress.Loopback);

        Assert.Equal((503, """{"status":"Unhealthy"}"""), (remote.Status, remote.Body.GetRawText()));
        Assert.Equal(503, local.Status);
        Assert.Equal("connection refused", local.Body.GetProperty("components").GetProperty("postgres").GetProperty("description").GetString());
    }

    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(ClaimTypes.Role, role)], "Bearer"));

    private async Task<(int Status, JsonElement Body)> GetAsync(IPAddress from, ClaimsPrincipal? user = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Connection.RemoteIpAddress = from;
        if (user is not null)
        {
            context.User = user;
        }

        var body = new MemoryStream();
        context.Response.Body = body;
        await new HealthEndpoint(detailsRole: "admin").HandleAsync(context);
        return (context.Response.StatusCode, JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private sealed class CountingCheck : IHealthCheck
    {
        private TaskCompletionSource _gate = CompletedGate();
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public HealthCheckResult Result { get; set; } = HealthCheckResult.Healthy();

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _runs);
            await _gate.Task.WaitAsync(cancellationToken);
            return Result;
        }

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}

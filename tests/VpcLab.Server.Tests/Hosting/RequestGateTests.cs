using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>The reset runs alone (docs/semantics.md#reset): it waits for the requests inside, and requests that
/// arrive meanwhile wait for it.</summary>
public sealed class RequestGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAlone_WhileARequestIsInside_WaitsForIt_AndNewRequestsWaitForTheReset()
    {
        var gate = new RequestGate();
        var inside = await gate.EnterAsync(Ct);
        var ran = new TaskCompletionSource();
        var release = new ManualResetEventSlim();
        var reset = gate.RunAloneAsync(() =>
        {
            ran.SetResult();
            release.Wait(Ct);
        }, Ct);
        await Task.Delay(100, Ct);
        Assert.False(ran.Task.IsCompleted); // the request inside holds it back

        inside.Dispose();
        await ran.Task.WaitAsync(Ct);
        var later = gate.EnterAsync(Ct).AsTask();
        await Task.Delay(100, Ct);
        Assert.False(later.IsCompleted); // a request arriving during the reset waits

        release.Set();
        await reset;
        (await later.WaitAsync(Ct)).Dispose();
    }

    [Fact]
    public async Task RunAlone_TwoResets_RunOneAfterTheOther()
    {
        var gate = new RequestGate();
        var running = 0;
        var overlapped = false;
        void Work()
        {
            if (Interlocked.Increment(ref running) > 1)
                overlapped = true;
            Thread.Sleep(50);
            Interlocked.Decrement(ref running);
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => gate.RunAloneAsync(Work, Ct), Ct)));
        Assert.False(overlapped);
        (await gate.EnterAsync(Ct)).Dispose(); // open again afterwards
    }
}

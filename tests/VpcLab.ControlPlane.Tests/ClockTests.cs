using VpcLab.ControlPlane.Time;

namespace VpcLab.ControlPlane.Tests;

public sealed class ClockTests
{
    // The simulated clock moves only when told; creation times read it.
    [Fact]
    public void SimulatedClock_AdvanceAndSet_MovesForwardOnly()
    {
        var clock = new SimulatedClock();
        Assert.Equal(SimulatedClock.DefaultStart, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SimulatedClock.DefaultStart.AddMinutes(5), clock.GetUtcNow());
        clock.Set(SimulatedClock.DefaultStart.AddHours(1));
        Assert.Equal(SimulatedClock.DefaultStart.AddHours(1), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(SimulatedClock.DefaultStart));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void RunInstances_LaunchTime_IsSimulatedNow()
    {
        var lab = new TestLab();
        lab.Clock.Advance(TimeSpan.FromDays(2));
        var instance = lab.Instance(lab.Subnet(lab.Vpc()));
        Assert.Equal(SimulatedClock.DefaultStart.AddDays(2), instance.LaunchTime);
    }
}

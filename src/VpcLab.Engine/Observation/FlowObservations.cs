namespace VpcLab.Engine;

/// <summary>A reusable buffer for <see cref="CompiledNetwork.Observe"/>: the flow's decision and what each interface
/// saw, forward path first. Reuse one per thread to observe many flows without allocating.</summary>
public sealed class FlowObservations
{
    private InterfaceObservation[] _items = new InterfaceObservation[16];
    private ObservationRecorder? _forward;
    private ObservationRecorder? _reply;
    private CompiledNetwork? _network;

    public Decision Decision { get; internal set; }

    public int Count { get; private set; }

    public InterfaceObservation this[int index] =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public ReadOnlySpan<InterfaceObservation> AsSpan() => _items.AsSpan(0, Count);

    internal void Clear()
    {
        Count = 0;
        Decision = default;
    }

    internal (ObservationRecorder Forward, ObservationRecorder Reply) Recorders(CompiledNetwork network)
    {
        if (_network != network || _forward is null || _reply is null)
        {
            _network = network;
            _forward = new ObservationRecorder(network, this, PathDirection.Forward);
            _reply = new ObservationRecorder(network, this, PathDirection.Return);
        }
        _forward.Reset();
        _reply.Reset();
        return (_forward, _reply);
    }

    internal int Add(in InterfaceObservation observation)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        _items[Count] = observation;
        return Count++;
    }

    internal void Set(int index, in InterfaceObservation observation) => _items[index] = observation;

    internal ref readonly InterfaceObservation At(int index) => ref _items[index];

    internal void Truncate(int count) => Count = Math.Min(Count, count);
}

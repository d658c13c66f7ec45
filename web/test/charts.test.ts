// The flow-log charts' geometry (src/charts.ts): columns stack accepted under rejected on one scale, bars scale to
// the largest value, labels read as the query's rows.
import { describe, expect, it } from "vitest";
import { bars, minuteLabel, pathLabel, talkerLabel, timeColumns } from "../src/charts";

const rows = [
  { minute_start: 1795450800, accepted: 6, rejected: 2, bytes: 100 },
  { minute_start: 1795450860, accepted: 0, rejected: 4, bytes: 0 },
];

describe("charts", () => {
  it("TimeColumns_TallestColumn_FillsThePlot_OthersToScale", () => {
    const [a, b] = timeColumns(rows, 200, 80);
    expect(a.acceptedHeight + a.rejectedHeight).toBe(80);
    expect(a.acceptedHeight).toBe(60);
    expect(b.rejectedHeight).toBe(40);
    expect(b.acceptedHeight).toBe(0);
  });

  it("TimeColumns_SideBySide_WithinTheWidth", () => {
    const [a, b] = timeColumns(rows, 200, 80);
    expect(a.x).toBeLessThan(b.x);
    expect(b.x + b.width).toBeLessThanOrEqual(200);
    expect(a.x + a.width).toBeLessThanOrEqual(b.x);
  });

  it("TimeColumns_NoRecords_NoColumnsAndNoDivisionByZero", () => expect(timeColumns([], 200, 80)).toEqual([]));

  it("Bars_LargestValue_FullWidth_ZeroIsEmpty", () => {
    const laid = bars([{ label: "a", value: 50 }, { label: "b", value: 25 }, { label: "c", value: 0 }], 100, 30);
    expect(laid.map((b) => b.width)).toEqual([100, 50, 0]);
    expect(laid.map((b) => b.y)).toEqual([0, 30, 60]);
  });

  it("MinuteLabel_UnixSeconds_HoursAndMinutesUtc", () => expect(minuteLabel(1795450860)).toBe("16:21"));

  it.each([
    [{ srcaddr: "10.0.0.5", dstaddr: "8.8.8.8" }, "10.0.0.5 → 8.8.8.8"],
    [{ srcaddr: null, dstaddr: "8.8.8.8" }, "- → 8.8.8.8"],
  ])("TalkerLabel_%o", (row, label) => expect(talkerLabel(row)).toBe(label));

  // traffic-path codes: https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html
  it.each([
    [{ traffic_path: 8, path: "internet gateway" }, "8 internet gateway"],
    [{ traffic_path: null, path: "unknown" }, "? unknown"],
  ])("PathLabel_%o", (row, label) => expect(pathLabel(row)).toBe(label));
});

// The flow-log view (src/flowlogs.ts): cells as `vpclab query` prints them, bars on the last numeric column.
import { describe, expect, it } from "vitest";
import type { FlowLogAnswer } from "../src/api";
import { barColumn, cellText } from "../src/flowlogs";

const answer: FlowLogAnswer = {
  name: "top-talkers", description: "", files: 1,
  columns: [{ name: "srcaddr", numeric: false }, { name: "packets", numeric: true }, { name: "bytes", numeric: true }, { name: "note", numeric: false }],
  rows: [{ srcaddr: "10.0.0.5", packets: 4, bytes: 336, note: null }],
};

describe("flow logs", () => {
  it("BarColumn_LastNumericColumn", () => expect(barColumn(answer)).toBe("bytes"));
  it("BarColumn_NoNumericColumn_None", () => expect(barColumn({ ...answer, columns: [{ name: "srcaddr", numeric: false }] })).toBeUndefined());
  it.each([[null, ""], [336, "336"], ["ACCEPT", "ACCEPT"], [true, "true"]])("Cell_%s_As_%s", (value, text) => expect(cellText(value)).toBe(text));
});

import { describe, expect, it } from "vitest";
import { csvCell, exportFilename, parseCsv, toCsv } from "@/lib/export/to-csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(8.5)).toBe("8.5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes, line breaks and edge spaces, doubling inner quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("cr\r\nlf")).toBe('"cr\r\nlf"');
    expect(csvCell(" padded")).toBe('" padded"');
  });

  it("defuses spreadsheet formulas in text cells", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-cmd")).toBe("'-cmd");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tTAB")).toBe("'\tTAB");
  });

  it("joins lists with semicolons", () => {
    expect(csvCell(["security", "iam"])).toBe("security; iam");
  });
});

describe("toCsv", () => {
  const columns = [
    { header: "title", value: (r: { title: string; n: number }) => r.title },
    { header: "n", value: (r: { title: string; n: number }) => r.n },
  ];

  it("writes a header row and CRLF-terminated rows", () => {
    expect(toCsv(columns, [{ title: "A", n: 1 }])).toBe("title,n\r\nA,1\r\n");
  });

  it("round-trips through parseCsv", () => {
    const rows = [
      { title: 'Quote "x", comma', n: 2 },
      { title: "multi\nline", n: 3 },
    ];
    expect(parseCsv(toCsv(columns, rows))).toEqual([
      ["title", "n"],
      ['Quote "x", comma', "2"],
      ["multi\nline", "3"],
    ]);
  });

  it("writes only the header for no rows", () => {
    expect(parseCsv(toCsv(columns, []))).toEqual([["title", "n"]]);
  });
});

describe("exportFilename", () => {
  it("names the list, the filters and the date", () => {
    expect(exportFilename("failures", ["critical", undefined, "IAM Policy"], "csv", new Date("2026-11-22T10:00:00Z"))).toBe(
      "faultline-failures-critical-iam-policy-2026-11-22.csv",
    );
  });
});

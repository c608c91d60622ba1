import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseHeader, readCsv } from "./read-csv.ts";

const dir = mkdtempSync(join(tmpdir(), "filiera-csv-"));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const all = async (path: string) => {
  const out = [];
  for await (const r of readCsv(path)) out.push(r);
  return out;
};

describe("CSV reader", () => {
  it("reads semicolon ISO-8859-1 with accents", async () => {
    const path = file("latin1.csv", Buffer.from("Codice comune;Età;Denominazione\r\n015189;0;Città\r\n", "latin1"));
    const rows = await all(path);
    expect(rows[0]?.cells).toEqual(["Codice comune", "Età", "Denominazione"]);
    expect(rows[1]).toEqual({ line: 2, cells: ["015189", "0", "Città"] });
  });

  it("reads comma UTF-8 with a BOM, quotes and a quoted newline", async () => {
    const path = file("utf8.csv", '\uFEFFa,b\n"x, y","multi\nline"\n3,"say ""hi"""\n');
    const rows = await all(path);
    expect(rows.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["x, y", "multi\nline"],
      ["3", 'say "hi"'],
    ]);
    expect(rows[2]?.line).toBe(4);
  });

  it("fails at the line where the encoding changes", async () => {
    const head = `a;b\n${"x;è\n".repeat(5)}`;
    const path = file("mixed.csv", Buffer.concat([Buffer.from(head, "utf8"), Buffer.from("y;è\n", "latin1")]));
    await expect(all(path)).rejects.toMatchObject({ line: 7 });
  });

  it("normalises headers", () => {
    expect(normaliseHeader("Totale Maschi")).toBe("totale maschi");
    expect(normaliseHeader(" Età ")).toBe("eta");
  });
});

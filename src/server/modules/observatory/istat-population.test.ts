import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/helpers/db.ts";
import { createAmbitoWith, createFakeComuni } from "../../../../test/helpers/factories.ts";
import { istatPopulationCsv, syntheticCount, writeLatin1 } from "../../../../test/helpers/istat-csv.ts";
import type { Db } from "../../db/database.ts";
import { AMBITO } from "./count-store.ts";
import { importIstatPopulation } from "./istat-population.import.ts";
import { computeProfile } from "./observatory.service.ts";

let db: Db;
const dir = mkdtempSync(join(tmpdir(), "filiera-istat-"));
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  db = await testDb();
});

const rowsFor = (codes: string[]) =>
  db.selectFrom("istat_population").select("comune_istat").where("comune_istat", "in", codes).execute();

describe("ISTAT population import", () => {
  it("imports the ISTAT layout (ISO-8859-1, title line, 999 totals) and feeds the indicators", async () => {
    const comuni = await createFakeComuni(db, 2);
    for (const year of [2023, 2024]) {
      const report = await importIstatPopulation(
        db,
        writeLatin1(path(`ok-${year}.csv`), istatPopulationCsv(comuni, year)),
        {},
      );
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ ok: true, rows: 2 * 101, comuni: 2, years: [year] });
    }

    const ambito = await createAmbitoWith(
      db,
      comuni.map((c) => c.code),
    );
    const profile = await computeProfile(db, { id: ambito.id, slug: ambito.slug, name: "x", kind: "ambito" });
    const value = (territory: string, code: string, year = 2023) =>
      profile.values.find((v) => v.territory === territory && v.indicator === code && v.year === year);

    const old = syntheticCount(65, 100);
    const young = syntheticCount(0, 14);
    const working = syntheticCount(15, 64);
    const first = comuni[0]?.code as string;
    expect(value(first, "old_age_index")?.value).toBeCloseTo((old / young) * 100, 10);
    expect(value(first, "structural_dependency")?.value).toBeCloseTo(((old + young) / working) * 100, 10);
    expect(value(first, "child_woman_ratio")?.value).toBeCloseTo(
      (syntheticCount(0, 4) / syntheticCount(15, 49, 50, "F")) * 100,
      10,
    );
    expect(value(first, "over80_share")?.value).toBeCloseTo(
      (syntheticCount(80, 100) / syntheticCount(0, 100)) * 100,
      10,
    );
    // The Ambito's index comes from summed counts: here twice the numerator over twice the denominator.
    expect(value(AMBITO, "old_age_index")?.numerator).toBe(2 * old);
    expect(value(AMBITO, "old_age_index")?.value).toBeCloseTo((old / young) * 100, 10);
    expect(profile.population.find((p) => p.territory === AMBITO && p.year === 2024)?.value).toBe(
      2 * syntheticCount(0, 100),
    );
  });

  it("reports every bad line and writes nothing", async () => {
    const comuni = await createFakeComuni(db, 1);
    const c = comuni[0] as { code: string; name: string };
    const lines = istatPopulationCsv(comuni, 2023).split("\r\n");
    lines[5] = `${c.code};${c.name};3;-4;50;46`; // negative
    lines[6] = `${c.code};${c.name};2;50;50;100`; // line 7 repeats age 2 of line 5
    lines.push("999999;Nowhere;0;1;1;2"); // unknown Comune
    lines.push(`${c.code};${c.name};abc;1;1;2`); // bad age
    const file = writeLatin1(path("bad.csv"), lines.join("\r\n"));
    const report = await importIstatPopulation(db, file, {});
    expect(report.ok).toBe(false);
    expect(report.written).toBe(0);
    const messages = report.problems.map((p) => `${p.line}:${p.field}:${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^6:totale maschi:/),
        expect.stringMatching(/^7:età:duplicate of line 5/),
        expect.stringMatching(/:codice comune:999999 is not a Comune/),
        expect.stringMatching(/:età:'abc' is not an age/),
      ]),
    );
    expect(await rowsFor([c.code])).toHaveLength(0);
  });

  it("refuses a file without the needed columns, or without a year", async () => {
    const noCols = path("nocols.csv");
    writeFileSync(noCols, "Codice comune;Età;Totale\n015189;0;10\n");
    const r1 = await importIstatPopulation(db, noCols, {});
    expect(r1.problems[0]?.message).toMatch(/missing column\(s\): totale maschi, totale femmine/);
    const noYear = path("noyear.csv");
    writeFileSync(noYear, "Codice comune;Età;Totale maschi;Totale femmine\n015189;0;10;10\n");
    const r2 = await importIstatPopulation(db, noYear, {});
    expect(r2.problems[0]?.message).toMatch(/no year/);
  });

  it("refuses mixed encodings, in either order, and leaves nothing behind", async () => {
    const comuni = await createFakeComuni(db, 1);
    const c = comuni[0] as { code: string; name: string };
    const lines = istatPopulationCsv(comuni, 2023).split("\r\n");
    lines[10] = lines[10]?.replace(c.name, "Città") as string;
    const split = 10;
    const utf8ThenLatin1 = path("mixed1.csv");
    writeFileSync(
      utf8ThenLatin1,
      Buffer.concat([
        Buffer.from(`${lines.slice(0, split).join("\r\n")}\r\n`, "utf8"),
        Buffer.from(lines.slice(split).join("\r\n"), "latin1"),
      ]),
    );
    const latin1ThenUtf8 = path("mixed2.csv");
    writeFileSync(
      latin1ThenUtf8,
      Buffer.concat([
        Buffer.from(`${lines.slice(0, split).join("\r\n")}\r\n`, "latin1"),
        Buffer.from(lines.slice(split).join("\r\n"), "utf8"),
      ]),
    );
    for (const file of [utf8ThenLatin1, latin1ThenUtf8]) {
      const report = await importIstatPopulation(db, file, {});
      expect(report.ok, file).toBe(false);
      expect(report.problems[0], file).toMatchObject({ line: 11, message: expect.stringMatching(/encoding/) });
    }
    expect(await rowsFor([c.code])).toHaveLength(0);
  });

  it("checks the 999 total row against the ages", async () => {
    const comuni = await createFakeComuni(db, 1);
    const text = istatPopulationCsv(comuni, 2023).replace(
      /;999;(\d+);(\d+);(\d+)/,
      (_, m, f, t) => `;999;${Number(m) + 1};${f};${Number(t) + 1}`,
    );
    const report = await importIstatPopulation(db, writeLatin1(path("total.csv"), text), {});
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/total row says/)]);
  });
});

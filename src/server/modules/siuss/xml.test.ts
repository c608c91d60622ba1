import { describe, expect, it } from "vitest";
import { formDefinition } from "../cases/cases.contracts.ts";
import { SINA_FORM, SINBA_FORM } from "./forms.ts";
import type { FlowHeader, PsBeneficiary, SinbaRecord } from "./records.ts";
import { validateFlow } from "./validate.ts";
import { FlowBuilder } from "./xml.ts";

const head: FlowHeader = {
  name: "H623.PS.20261125.0000001",
  enteCode: "H623",
  enteName: "Ambito Visconteo Sud Milano",
  enteCadastral: "H623",
  operatorFiscalCode: "RSSMRA80A01H623X",
};

const elderly = (): PsBeneficiary => ({
  ref: "p-1",
  fiscalCode: "CLMNNA41A45G078E",
  familyName: "Colombo",
  givenName: "Anna",
  birthYear: "1941",
  birthPlace: "G078",
  sex: 2,
  citizenship: "380",
  addresses: [{ regionCode: "03", comuneIstat: "015159", countryCode: "380" }],
  benefits: [
    {
      ref: "i-1",
      meansTest: 1,
      character: 1,
      dsu: { number: "INPS-ISEE-2026-00012345A-00", year: "2026", date: "2026-01-15" },
      code: "A2.07",
      name: "Assistenza domiciliare socio-assistenziale",
      applicationRef: "SAD-2026-0001",
      startDate: "2026-02-01",
      endDate: "2026-10-31",
      months: 9,
      monthlyAmount: "420.00",
      shareEnte: "340.00",
      shareUser: "80.00",
      shareSsn: "0.00",
      monthlyHours: "24.00",
      takenInCharge: true,
      userArea: 2,
      sina: {
        mobility: 2,
        dailyLiving: 2,
        behavioural: 1,
        income: 2,
        support: 2,
        assessmentSource: 2,
        assessmentTool: 1,
        neededBenefits: ["A2.07", "A1.10"],
        invalidity: [2],
      },
    },
  ],
});

const minor = (): SinbaRecord => ({
  ref: "p-2",
  pseudonym: "M3F9A2C71B0D4E58",
  benefitCodes: ["A2.02"],
  household: [1, 3],
  unaccompaniedForeign: 2,
  orphanhood: 1,
  livingPlace: 1,
  school: 5,
  work: 1,
  disability: 2,
  firstReport: "2025-03-10",
  reportSource: 13,
  childAssessment: 2,
  familyAssessment: 2,
  reportedToCourt: 1,
  courtReportDate: "2025-04-02",
  courtOrder: 1,
  courtOrderDate: "2025-06-20",
  courtAuthority: 2,
  courtOrderType: 5,
  ageBand: 4,
  birthYear: "2015",
  residenceRegion: "03",
  residenceCountry: "380",
});

describe("SIUSS XML against the INPS schemas (libxml2)", () => {
  it("writes a PS-PSA-SINA flow that validates, with SINA children in schema order", async () => {
    const b = new FlowBuilder("PS_PSA_SINA", head);
    b.addBeneficiary(elderly());
    const xml = b.toString();
    const result = await validateFlow("PS_PSA_SINA", xml, b);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toMatch(/<NecessitaInterventiSociali>\n<CodicePrestazione>A2.07<\/CodicePrestazione>/);
  });

  it("writes a SINBA flow with no name and no codice fiscale, dates as MM/YYYY", async () => {
    const b = new FlowBuilder("SINBA", { ...head, name: "H623.SINBA.20261125.0000001" });
    b.addSinba(minor());
    const xml = b.toString();
    const result = await validateFlow("SINBA", xml, b);
    expect(result.problems).toEqual([]);
    expect(xml).toContain('DataPrimaSegnalazione="03/2025"');
    expect(xml.slice(xml.indexOf("<SINBA"))).not.toMatch(/CodiceFiscale|CFOperatore|Cognome|Nome=/);
  });

  it("names the record and the field of a broken prestazione, without echoing the value", async () => {
    const good = elderly();
    const bad = elderly();
    bad.ref = "p-9";
    bad.benefits = [{ ...(bad.benefits[0] as PsBeneficiary["benefits"][0]), ref: "i-9", startDate: "2026-13-01" }];
    bad.fiscalCode = "BADCF";
    const b = new FlowBuilder("PS_PSA_SINA", head);
    b.addBeneficiary(good);
    b.addBeneficiary(bad);
    const result = await validateFlow("PS_PSA_SINA", b.toString(), b);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ record: "p-9", field: "Beneficiario@CodiceFiscale" }),
        expect.objectContaining({ record: "p-9/i-9", field: "PrestazioniSociali@DataInizioPrestazione" }),
      ]),
    );
    expect(result.problems.some((p) => p.record?.startsWith("p-1"))).toBe(false);
    expect(JSON.stringify(result.problems)).not.toContain("BADCF");
    expect(JSON.stringify(result.problems)).not.toContain("2026-13-01");
  });

  it("rejects a SINBA record missing a required code", async () => {
    const b = new FlowBuilder("SINBA", { ...head, name: "H623.SINBA.20261125.0000002" });
    b.addSinba({ ...minor(), ref: "p-3", livingPlace: 9 });
    const result = await validateFlow("SINBA", b.toString(), b);
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatchObject({ record: "p-3", field: "SINBA@LuogoVita" });
  });
});

describe("SIUSS assessment forms", () => {
  it("are valid Cartella form definitions whose options are the INPS codes", () => {
    const sina = formDefinition.parse(SINA_FORM.definition);
    const sinba = formDefinition.parse(SINBA_FORM.definition);
    const luogo = sinba.sections[0]?.items.find((i) => i.key === "luogo_vita");
    expect(luogo?.options?.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(sina.sections[0]?.items.find((i) => i.key === "mobilita")?.options?.[2]?.label).toBe("Non Si Sposta");
  });
});

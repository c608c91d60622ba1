import { describe, expect, it } from "vitest";
import { decodeFiscalCode, fiscalCodeCheckChar, fiscalCodeProblem } from "./fiscal-code.ts";

describe("codice fiscale", () => {
  it("computes the check character of the Agenzia delle Entrate worked example", () => {
    // MRTMTT25D09F205Z: Matteo Moretti, born 9 April 1925 in Milan (F205).
    expect(fiscalCodeCheckChar("MRTMTT25D09F205")).toBe("Z");
    expect(fiscalCodeProblem("MRTMTT25D09F205Z")).toBeNull();
    expect(fiscalCodeProblem("mrtmtt25d09f205z")).toBeNull();
  });

  it("names the problem of a wrong code", () => {
    expect(fiscalCodeProblem("MRTMTT25D09F205")).toBe("length");
    expect(fiscalCodeProblem("MRTMTT25X09F205Z")).toBe("format");
    expect(fiscalCodeProblem("MRTMTT25D09F205A")).toBe("check");
  });

  it("accepts omocodia substitutions and decodes them", () => {
    const omocode = "RSSMRAULA0MF20R"; // year 80 as UL, day 01 as 0M, 5 in the place code as R
    const full = omocode + fiscalCodeCheckChar(omocode);
    expect(fiscalCodeProblem(full)).toBeNull();
    expect(decodeFiscalCode(full, new Date("2026-01-01"))).toEqual({ birthDate: "1980-01-01", sex: "M" });
  });

  it("decodes sex from the day (+40 for women) and infers the century as the latest not in the future", () => {
    const code = "BNCLRA85T52H623";
    expect(decodeFiscalCode(code + fiscalCodeCheckChar(code), new Date("2026-01-01"))).toEqual({
      birthDate: "1985-12-12",
      sex: "F",
    });
    const young = "BNCLRA15A41H623";
    expect(decodeFiscalCode(young + fiscalCodeCheckChar(young), new Date("2026-01-01"))?.birthDate).toBe("2015-01-01");
  });
});

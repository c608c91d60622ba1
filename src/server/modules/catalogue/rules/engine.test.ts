import { describe, expect, it } from "vitest";
import data from "../data/calls.json" with { type: "json" };
import {
  evaluate,
  type Facts,
  type Rule,
  rank,
  ruleSchema,
  type ScoringRules,
  score,
  scoringSchema,
} from "./engine.ts";

const call = (code: string) => {
  const c = data.calls.find((x) => x.code === code);
  if (!c) throw new Error(code);
  return { rules: ruleSchema.array().parse(c.eligibility) as Rule[], scoring: scoringSchema.parse(c.scoring) };
};
const rent = call("sostegno-affitto-2026");
const b2 = call("misura-b2-2026");
const income = call("sostegno-reddito-2026");
const shopping = call("buoni-spesa-2026");

const tenant: Facts = {
  isee_cents: 1_800_000,
  resident_in_ambito: true,
  residence_months: 12,
  housing: "private_rent",
  registered_contract: true,
  eviction_procedure: false,
  adequate_dwelling: false,
};
const outcome = (rules: Rule[], f: Facts, id: string) => evaluate(rules, f).results.find((r) => r.id === id)?.outcome;

describe("rent support (ISEE ≤ 26.000,00 €, 6 months, registered contract, no eviction)", () => {
  it("accepts ISEE exactly 26.000,00 € and refuses 26.000,01 €, explaining with both amounts", () => {
    expect(evaluate(rent.rules, { ...tenant, isee_cents: 2_600_000 }).status).toBe("eligible");
    const over = evaluate(rent.rules, { ...tenant, isee_cents: 2_600_001 });
    expect(over.status).toBe("not_eligible");
    const isee = over.results.find((r) => r.id === "isee");
    expect(isee?.outcome).toBe("fail");
    expect(isee?.explanation.it).toBe(
      "Requisito non soddisfatto. ISEE: 26.000,01 € (richiesto: al massimo 26.000,00 €)",
    );
    expect(isee?.explanation.en).toContain("26,000.01 €");
  });

  it("needs at least 6 months of residence: 6 passes, 5 fails", () => {
    expect(outcome(rent.rules, { ...tenant, residence_months: 6 }, "residenza_6_mesi")).toBe("pass");
    expect(outcome(rent.rules, { ...tenant, residence_months: 5 }, "residenza_6_mesi")).toBe("fail");
  });

  it("refuses an eviction procedure, an unregistered contract and public housing (SAP)", () => {
    expect(evaluate(rent.rules, { ...tenant, eviction_procedure: true }).status).toBe("not_eligible");
    expect(outcome(rent.rules, { ...tenant, registered_contract: false }, "contratto")).toBe("fail");
    expect(outcome(rent.rules, { ...tenant, housing: "sap" }, "contratto")).toBe("fail");
    expect(outcome(rent.rules, { ...tenant, housing: "agreed_rent" }, "contratto")).toBe("pass");
  });

  it("says which answers are missing instead of guessing", () => {
    const { isee_cents: _, ...rest } = tenant;
    const e = evaluate(rent.rules, rest);
    expect(e.status).toBe("incomplete");
    expect(e.results.find((r) => r.id === "isee")?.missing).toEqual(["isee_cents"]);
  });
});

describe("B2 measure (ISEE 25.000 € adults, 40.000 € minors)", () => {
  const person: Facts = { resident_in_ambito: true, disability: "grave_104" };
  it("applies the adult threshold from 18 years and the minors' one below", () => {
    expect(evaluate(b2.rules, { ...person, age: 18, isee_cents: 2_500_000 }).status).toBe("eligible");
    expect(evaluate(b2.rules, { ...person, age: 18, isee_cents: 2_500_001 }).status).toBe("not_eligible");
    expect(evaluate(b2.rules, { ...person, age: 17, isee_cents: 4_000_000 }).status).toBe("eligible");
    expect(evaluate(b2.rules, { ...person, age: 17, isee_cents: 4_000_001 }).status).toBe("not_eligible");
    expect(outcome(b2.rules, { ...person, age: 17, isee_cents: 3_000_000 }, "isee_adulti")).toBe("not_applicable");
  });
  it("needs a severe disability or the attendance allowance", () => {
    const adult = { ...person, age: 70, isee_cents: 1_000_000 };
    expect(evaluate(b2.rules, { ...adult, disability: "accompagnamento" }).status).toBe("eligible");
    expect(evaluate(b2.rules, { ...adult, disability: "invalidita" }).status).toBe("not_eligible");
  });
});

describe("Milan income support and buoni spesa (seed 000)", () => {
  it("income support: ISEE 6.000,00 € passes, 6.000,01 € fails", () => {
    expect(evaluate(income.rules, { resident_in_ambito: true, isee_cents: 600_000 }).status).toBe("eligible");
    expect(evaluate(income.rules, { resident_in_ambito: true, isee_cents: 600_001 }).status).toBe("not_eligible");
  });
  it("buoni spesa: ISEE above 20.000 € still qualifies with an income drop above 25%", () => {
    const base = { resident_in_ambito: true, isee_cents: 2_500_000, job_change: false };
    expect(evaluate(shopping.rules, { ...base, income_drop_pct: 25 }).status).toBe("not_eligible");
    expect(evaluate(shopping.rules, { ...base, income_drop_pct: 26 }).status).toBe("eligible");
    expect(evaluate(shopping.rules, { ...base, isee_cents: 2_000_000, income_drop_pct: 0 }).status).toBe("eligible");
  });
});

describe("scoring and ranking", () => {
  const rules: ScoringRules = rent.scoring;
  it("scores a lower ISEE higher and adds the flags", () => {
    expect(score(rules, { isee_cents: 0 }).total).toBe(60);
    expect(score(rules, { isee_cents: 1_300_000, minors_in_household: 2 }).total).toBe(45);
    expect(score(rules, { isee_cents: 2_600_000 }).total).toBe(0);
  });

  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 9, m));
  const apps = [
    { applicationId: 1, score: 40, facts: { isee_cents: 900_000 }, submittedAt: at(5), requestedCents: 150_000 },
    { applicationId: 2, score: 50, facts: { isee_cents: 500_000 }, submittedAt: at(9), requestedCents: 100_000 },
    // Same score as 1: the lower ISEE wins the tie.
    { applicationId: 3, score: 40, facts: { isee_cents: 800_000 }, submittedAt: at(7), requestedCents: 150_000 },
    // Same score and ISEE as 3: the larger household wins.
    {
      applicationId: 4,
      score: 40,
      facts: { isee_cents: 800_000, household_size: 4 },
      submittedAt: at(8),
      requestedCents: 90_000,
    },
    { applicationId: 5, score: 10, facts: { isee_cents: 2_000_000 }, submittedAt: at(1), requestedCents: 10_000 },
  ];

  it("breaks ties by the call's rules and funds in order until the budget runs out, without skipping", () => {
    const rows = rank(apps, rules, 350_000, 150_000);
    expect(rows.map((r) => r.applicationId)).toEqual([2, 4, 3, 1, 5]);
    expect(rows.map((r) => r.outcome)).toEqual(["funded", "funded", "funded", "waiting", "waiting"]);
    expect(rows.map((r) => r.fundedCents)).toEqual([100_000, 90_000, 150_000, 0, 0]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it("caps each grant at the call's maximum and gives the same ranking whatever the input order", () => {
    const a = rank(apps, rules, 1_000_000, 120_000);
    const b = rank([...apps].reverse(), rules, 1_000_000, 120_000);
    expect(b).toEqual(a);
    expect(a.find((r) => r.applicationId === 1)?.fundedCents).toBe(120_000);
  });

  it("falls back to the submission time when score and tie-breaks are equal", () => {
    const twins = [
      { applicationId: 7, score: 30, facts: { isee_cents: 1 }, submittedAt: at(30), requestedCents: 1 },
      { applicationId: 8, score: 30, facts: { isee_cents: 1 }, submittedAt: at(20), requestedCents: 1 },
    ];
    expect(rank(twins, rules, null, 10).map((r) => r.applicationId)).toEqual([8, 7]);
  });
});

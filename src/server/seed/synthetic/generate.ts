import type { Insertable } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { ServiceKey } from "./catalogue.ts";
import { computeFiscalCode } from "./fiscal-code-gen.ts";
import { COMMUNITIES, type Community, FEMALE_NAMES, MALE_NAMES, SURNAMES } from "./names.ts";
import type { Rng } from "./rng.ts";
import { story } from "./stories.ts";

/**
 * Pure generation of a synthetic population and its social-service history: households of
 * plausible shape, people with valid codici fiscali, and life stories that open cases, record
 * assessments and deliver interventions with SIUSS codes. No database access: the seed and the
 * benchmark decide how to write the rows.
 */

/** Synthetic people are recognisable: their e-mail is on the reserved .invalid domain (RFC 2606). */
export const SYNTHETIC_EMAIL_DOMAIN = "sintetico.invalid";

export interface GenContext {
  ambitoId: number;
  /** The Ambito's Comuni: ISTAT code and region code. */
  comuni: { istat: string; region: string }[];
  /** Belfiore codes: the Ambito's own Comuni (most births) and other Lombardy Comuni. */
  localBirthPlaces: string[];
  otherBirthPlaces: string[];
  /** Social workers by Comune (ISTAT), and any user of the Ambito as a fallback. */
  workers: Map<string, number[]>;
  fallbackWorkers: number[];
  services: Record<ServiceKey, number>;
  forms: { sina: number; sinba: number };
  /** Reference date (YYYY-MM-DD): the same seed and date give the same data. */
  today: string;
  /** Codici fiscali already used in this Ambito (unique per Ambito). */
  usedFiscalCodes: Set<string>;
  /** Share of households in the care of the social service (demo ≈ 0.3). */
  inCareShare: number;
  /** Years of history for periodic interventions, renewed yearly (demo 3). */
  historyYears: number;
  /** Renewal period of periodic interventions in months (12, or 6 for the benchmark's density). */
  renewMonths?: 6 | 12;
  /** Running counter for protocol numbers. */
  seq: { n: number };
}

export type Row<T extends keyof Database> = Insertable<Database[T]>;
export interface Batch {
  person: Row<"person">[];
  person_detail: Row<"person_detail">[];
  household: Row<"household">[];
  household_member: Row<"household_member">[];
  isee_declaration: Row<"isee_declaration">[];
  social_case: Row<"social_case">[];
  assessment: Row<"assessment">[];
  intervention: Row<"intervention">[];
}

export const emptyBatch = (): Batch => ({
  person: [],
  person_detail: [],
  household: [],
  household_member: [],
  isee_declaration: [],
  social_case: [],
  assessment: [],
  intervention: [],
});

// ---- dates (UTC, YYYY-MM-DD) ----
export const DAY = 86_400_000;
export const toDate = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (s: string, n: number) => iso(new Date(toDate(s).getTime() + n * DAY));
const addMonths = (s: string, n: number) => {
  const d = toDate(s);
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d);
};
const ageOn = (birth: string, on: string) => {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};
/** A moment on a day (deterministic): rows get distinct change times, as if edited one by one. */
export const momentOn = (rng: Rng, day: string) =>
  new Date(toDate(day).getTime() + rng.int(7 * 3600, 18 * 3600) * 1000 + rng.int(0, 999));

function birthDateForAge(rng: Rng, today: string, age: number): string {
  return addDays(today, -Math.floor((age + rng.next()) * 365.25));
}

export interface Member {
  id: string;
  sex: "F" | "M";
  birthDate: string;
  age: number;
  relation: Row<"household_member">["relation"];
  familyName: string;
  givenName: string;
}

export interface HouseholdPlan {
  kind: "elderly_alone" | "elderly_couple" | "family" | "single_parent" | "single_adult" | "adult_couple";
  community: Community | null;
}

const KINDS: { kind: HouseholdPlan["kind"]; weight: number }[] = [
  { kind: "elderly_alone", weight: 18 },
  { kind: "elderly_couple", weight: 14 },
  { kind: "family", weight: 30 },
  { kind: "single_parent", weight: 10 },
  { kind: "single_adult", weight: 16 },
  { kind: "adult_couple", weight: 12 },
];

export function person(
  rng: Rng,
  ctx: GenContext,
  community: Community | null,
  sex: "F" | "M",
  age: number,
  familyName: string,
  relation: Member["relation"],
): Member {
  const names = community ? (sex === "F" ? community.female : community.male) : sex === "F" ? FEMALE_NAMES : MALE_NAMES;
  return {
    id: rng.uuid(),
    sex,
    birthDate: birthDateForAge(rng, ctx.today, age),
    age,
    relation,
    familyName,
    givenName: rng.pick(names),
  };
}

const surname = (rng: Rng, c: Community | null) => rng.pick(c ? c.surnames : SURNAMES);
const otherSex = (s: "F" | "M") => (s === "F" ? "M" : "F");

function members(rng: Rng, ctx: GenContext, plan: HouseholdPlan): Member[] {
  const c = plan.community;
  const head = (age: number, sex: "F" | "M" = rng.chance(0.5) ? "F" : "M") =>
    person(rng, ctx, c, sex, age, surname(rng, c), "intestatario");
  switch (plan.kind) {
    case "elderly_alone":
      return [head(rng.int(72, 96), rng.chance(0.7) ? "F" : "M")];
    case "elderly_couple": {
      const h = head(rng.int(68, 92), "M");
      return [h, person(rng, ctx, c, "F", Math.max(60, h.age - rng.int(0, 6)), surname(rng, c), "coniuge")];
    }
    case "single_adult":
      return [head(rng.int(20, 66))];
    case "adult_couple": {
      const h = head(rng.int(25, 66));
      return [h, person(rng, ctx, c, otherSex(h.sex), rng.int(23, 66), surname(rng, c), "coniuge")];
    }
    case "family":
    case "single_parent": {
      const h = head(rng.int(26, 52));
      const out = [h];
      if (plan.kind === "family")
        out.push(
          person(rng, ctx, c, otherSex(h.sex), Math.max(20, h.age + rng.int(-5, 5)), surname(rng, c), "coniuge"),
        );
      const father = out.find((m) => m.sex === "M");
      const kids = rng.int(1, c ? 4 : 3);
      for (let i = 0; i < kids; i++) {
        const age = Math.max(0, Math.min(h.age - 18, rng.int(0, 19)));
        out.push(person(rng, ctx, c, rng.chance(0.5) ? "F" : "M", age, (father ?? h).familyName, "figlio"));
      }
      if (rng.chance(0.06)) out.push(person(rng, ctx, c, "F", rng.int(70, 90), surname(rng, c), "nonno"));
      return out;
    }
  }
}

function fiscalCodeFor(ctx: GenContext, m: Member, birthPlace: string): string {
  for (let variant = 0; variant < 8; variant++) {
    const cf = computeFiscalCode({ ...m, birthPlace, variant });
    if (!ctx.usedFiscalCodes.has(cf)) {
      ctx.usedFiscalCodes.add(cf);
      return cf;
    }
  }
  throw new Error("codice fiscale collision beyond omocodia: change the seed");
}

export const protocol = (ctx: GenContext, prefix: string, year: string) => {
  ctx.seq.n++;
  return `${prefix}-${year}-${String(ctx.seq.n).padStart(7, "0")}`;
};

/** One household, its people and, if the dice say so, its story with the social service. */
export function generateHousehold(rng: Rng, ctx: GenContext, out: Batch): void {
  const community = rng.chance(0.13) ? rng.weighted(COMMUNITIES) : null;
  let kind = rng.weighted(KINDS).kind;
  if (community && (kind === "elderly_alone" || kind === "elderly_couple")) kind = "family";
  const plan: HouseholdPlan = { kind, community };
  const comune = rng.pick(ctx.comuni);
  const householdId = rng.uuid();
  const ms = members(rng, ctx, plan);
  out.household.push({
    ambito_id: ctx.ambitoId,
    id: householdId,
    comune_istat: comune.istat,
    address: `Via ${rng.pick(STREETS)} ${rng.int(1, 180)}`,
    created_by: null,
  });
  const since = addDays(ctx.today, -rng.int(200, 6000));
  for (const m of ms) {
    const bornAbroad = community !== null && (m.age > 6 || rng.chance(0.3));
    const birthPlace = bornAbroad
      ? (community as Community).belfiore
      : rng.chance(0.7)
        ? rng.pick(ctx.localBirthPlaces)
        : rng.pick(ctx.otherBirthPlaces);
    const provisional = community !== null && m.age > 17 && rng.chance(0.04);
    const cf = provisional ? null : fiscalCodeFor(ctx, m, birthPlace);
    out.person.push({
      ambito_id: ctx.ambitoId,
      id: m.id,
      comune_istat: comune.istat,
      fiscal_code: cf,
      provisional,
      family_name: m.familyName,
      given_name: m.givenName,
      sex: m.sex,
      birth_date: m.birthDate,
      citizenship: community ? community.citizenship : "Italiana",
      created_by: null,
    });
    out.person_detail.push({
      ambito_id: ctx.ambitoId,
      person_id: m.id,
      birth_place_code: birthPlace,
      citizenship_code: community ? community.code : "100",
      second_citizenship_code: null,
      residence_comune_istat: comune.istat,
      residence_address: null,
      phone: null,
      email: `${m.id.slice(0, 8)}@${SYNTHETIC_EMAIL_DOMAIN}`,
      provisional_reason: provisional ? "In attesa di codice fiscale (persona sintetica)" : null,
      updated_by: null,
    });
    out.household_member.push({
      ambito_id: ctx.ambitoId,
      household_id: householdId,
      person_id: m.id,
      relation: m.relation,
      from_date: [since, m.birthDate].sort()[1] as string,
      to_date: null,
    });
  }
  if (rng.chance(ctx.inCareShare)) story(rng, ctx, out, plan, ms, householdId, comune);
}

const STREETS = [
  "Roma",
  "Garibaldi",
  "Mazzini",
  "Manzoni",
  "Verdi",
  "Dante",
  "Cavour",
  "Matteotti",
  "Gramsci",
  "dei Mille",
  "XXV Aprile",
  "IV Novembre",
  "della Repubblica",
  "Monte Grappa",
  "Leopardi",
  "Pascoli",
  "Marconi",
  "Volta",
];

// ---- stories ----

export const ageOf = ageOn;
export const addMonthsTo = addMonths;

import type { Insertable } from "kysely";
import type { Database } from "../../db/schema.ts";
import { SERVICES, type ServiceKey, type UserArea } from "./catalogue.ts";
import { computeFiscalCode } from "./fiscal-code-gen.ts";
import { COMMUNITIES, type Community, FEMALE_NAMES, MALE_NAMES, SURNAMES } from "./names.ts";
import type { Rng } from "./rng.ts";

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

type Row<T extends keyof Database> = Insertable<Database[T]>;
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
const DAY = 86_400_000;
const toDate = (s: string) => new Date(`${s}T00:00:00Z`);
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
const momentOn = (rng: Rng, day: string) =>
  new Date(toDate(day).getTime() + rng.int(7 * 3600, 18 * 3600) * 1000 + rng.int(0, 999));

function birthDateForAge(rng: Rng, today: string, age: number): string {
  return addDays(today, -Math.floor((age + rng.next()) * 365.25));
}

interface Member {
  id: string;
  sex: "F" | "M";
  birthDate: string;
  age: number;
  relation: Row<"household_member">["relation"];
  familyName: string;
  givenName: string;
}

interface HouseholdPlan {
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

function person(
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

const protocol = (ctx: GenContext, prefix: string, year: string) => {
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

interface CaseCtx {
  caseId: string;
  person: Member;
  comune: string;
  opened: string;
  worker: number;
  area: UserArea;
  siussArea: 1 | 2 | 3;
  closedOn: string | null;
}

function worker(rng: Rng, ctx: GenContext, comune: string): number | null {
  const local = ctx.workers.get(comune);
  if (local?.length) return rng.pick(local);
  return ctx.fallbackWorkers.length ? rng.pick(ctx.fallbackWorkers) : null;
}

function openCase(
  rng: Rng,
  ctx: GenContext,
  out: Batch,
  m: Member,
  comune: string,
  area: UserArea,
  siussArea: 1 | 2 | 3,
  level: "voluntary" | "court_mandate",
  opened: string,
): CaseCtx | null {
  const w = worker(rng, ctx, comune);
  if (w === null) return null;
  const caseId = rng.uuid();
  const closed = rng.chance(0.15) ? addDays(opened, rng.int(90, 700)) : null;
  const closedOn = closed && closed < ctx.today ? closed : null;
  out.social_case.push({
    ambito_id: ctx.ambitoId,
    id: caseId,
    person_id: m.id,
    comune_istat: comune,
    responsible_user_id: w,
    team_id: null,
    user_area: area,
    siuss_area: siussArea,
    level,
    status: closedOn ? "closed" : "open",
    opened_on: opened,
    closed_on: closedOn,
    closure_reason: closedOn ? (area === "anziani" && rng.chance(0.5) ? "deceased" : "needs_resolved") : null,
    closure_note: null,
    access_contact_id: null,
    created_by: w,
    updated_at: momentOn(rng, closedOn ?? opened),
  });
  return { caseId, person: m, comune, opened, worker: w, area, siussArea, closedOn };
}

function isee(
  rng: Rng,
  ctx: GenContext,
  out: Batch,
  c: CaseCtx,
  householdId: string,
  kind: Row<"isee_declaration">["kind"],
  max: number,
) {
  const id = rng.uuid();
  const year = ctx.today.slice(0, 4);
  const dsuDate = `${year}-0${rng.int(1, 3)}-${String(rng.int(10, 28))}`;
  const validFrom = dsuDate < ctx.today ? dsuDate : `${year}-01-02`;
  out.isee_declaration.push({
    ambito_id: ctx.ambitoId,
    id,
    person_id: c.person.id,
    household_id: householdId,
    kind,
    value_cents: rng.int(0, max) * 100,
    dsu_protocol: `INPS-ISEE-${year}-${String(rng.int(0, 99_999_999)).padStart(8, "0")}${rng.pick(["A", "B", "C"])}-00`,
    dsu_date: dsuDate,
    valid_from: validFrom,
    valid_to: `${year}-12-31`,
    created_by: c.worker,
  });
  return id;
}

function assess(
  rng: Rng,
  ctx: GenContext,
  out: Batch,
  c: CaseCtx,
  form: number,
  answers: Record<string, number | string>,
) {
  const on = addDays(c.opened, rng.int(3, 40));
  out.assessment.push({
    ambito_id: ctx.ambitoId,
    id: rng.uuid(),
    case_id: c.caseId,
    form_id: form,
    answers: JSON.stringify(answers),
    score: null,
    band: null,
    assessed_on: on < ctx.today ? on : c.opened,
    assessed_by: c.worker,
    notes: null,
  });
}

interface Delivery {
  service: ServiceKey;
  /** Monthly cost (periodic) or one-off amount, in euros. */
  euros: number;
  shares: { user?: number; health?: number };
  hours?: number;
  frequency?: "daily" | "weekly" | "monthly";
  iseeId?: string | null;
  start?: string;
  vouchers?: number;
}

/** Periodic services run year by year (renewed each January); one-off ones are single rows. */
function deliver(rng: Rng, ctx: GenContext, out: Batch, c: CaseCtx, d: Delivery) {
  const spec = SERVICES[d.service];
  const serviceId = ctx.services[d.service];
  const closed = c.closedOn;
  const last = closed ?? ctx.today;
  let start = d.start ?? addDays(c.opened, rng.int(7, 60));
  if (start > last) start = c.opened;
  const rows = spec.periodic ? [] : [{ start, end: start }];
  if (spec.periodic) {
    let s = start;
    const firstYear = Number(ctx.today.slice(0, 4)) - ctx.historyYears + 1;
    if (Number(s.slice(0, 4)) < firstYear) s = `${firstYear}-01-01`;
    while (s <= last) {
      // Renewed each year (or each half-year, for a denser history).
      const half = ctx.renewMonths === 6 && Number(s.slice(5, 7)) <= 6;
      const blockEnd = `${s.slice(0, 4)}-${half ? "06-30" : "12-31"}`;
      const end = last < blockEnd ? (closed ? last : null) : blockEnd;
      rows.push({ start: s, end: end ?? "" });
      s = addDays(blockEnd, 1);
    }
  }
  for (const r of rows) {
    const endDate = r.end || null;
    const months = spec.periodic
      ? Math.max(
          1,
          Math.round(
            ((endDate ? toDate(endDate) : toDate(ctx.today)).getTime() - toDate(r.start).getTime()) / (30.44 * DAY),
          ),
        )
      : 1;
    const amount = Math.round(d.euros * months * 100);
    const user = Math.round(amount * (d.shares.user ?? 0));
    const health = Math.round(amount * (d.shares.health ?? 0));
    const year = r.start.slice(0, 4);
    out.intervention.push({
      ambito_id: ctx.ambitoId,
      id: rng.uuid(),
      case_id: c.caseId,
      person_id: c.person.id,
      service_type_id: serviceId,
      comune_istat: c.comune,
      provider_org_id: null,
      provider_name: spec.macroArea === "interventi_servizi" ? rng.pick(PROVIDERS) : null,
      protocol: protocol(ctx, spec.code.slice(0, 6), year),
      start_date: r.start,
      end_date: endDate,
      frequency: spec.periodic ? (d.frequency ?? "monthly") : "one_off",
      hours_per_period: d.hours !== undefined ? d.hours.toFixed(2) : null,
      amount_cents: amount,
      share_comune_cents: amount - user - health,
      share_user_cents: user,
      share_health_cents: health,
      vouchers_issued: d.vouchers ?? null,
      vouchers_used: d.vouchers !== undefined ? rng.int(0, d.vouchers) : null,
      isee_declaration_id: year === ctx.today.slice(0, 4) ? (d.iseeId ?? null) : null,
      status: endDate && endDate < ctx.today ? "ended" : "active",
      created_by: c.worker,
      updated_at: momentOn(rng, endDate && endDate < ctx.today ? endDate : r.start),
    });
  }
}

const PROVIDERS = [
  "Cooperativa sociale Il Sentiero",
  "Cooperativa sociale La Ginestra",
  "Consorzio Servizi alla Persona",
  "Cooperativa sociale Arcobaleno",
];

const pick3 = <T extends number>(rng: Rng, w: [number, number, number]): T => {
  const r = rng.next() * (w[0] + w[1] + w[2]);
  return (r < w[0] ? 1 : r < w[0] + w[1] ? 2 : 3) as T;
};

function story(
  rng: Rng,
  ctx: GenContext,
  out: Batch,
  plan: HouseholdPlan,
  ms: Member[],
  householdId: string,
  comune: { istat: string },
): void {
  const opened = addDays(ctx.today, -rng.int(20, Math.max(60, ctx.historyYears * 365)));
  const elderly = ms.filter((m) => m.age >= 75).sort((a, b) => b.age - a.age)[0];
  const minors = ms.filter((m) => m.age < 18 && m.age >= 0);
  const adults = ms.filter((m) => m.age >= 18 && m.age < 65);

  if (elderly && rng.chance(0.8)) {
    // An elderly person losing autonomy: SAD at home, often ADI with the ASST, a caregiver voucher,
    // and for the most dependent an RSA placement later.
    const c = openCase(rng, ctx, out, elderly, comune.istat, "anziani", 2, "voluntary", opened);
    if (!c) return;
    const dependency = pick3<1 | 2 | 3>(rng, [2, 5, 3]);
    assess(rng, ctx, out, c, ctx.forms.sina, {
      mobilita: dependency,
      adl: dependency,
      disturbi_cognitivi: pick3(rng, [4, 3, 2]),
      disturbi_comportamentali: rng.chance(0.2) ? 2 : 1,
      cure_sanitarie: pick3(rng, [3, 4, 3]),
      area_reddituale: pick3(rng, [4, 4, 2]),
      area_supporto: plan.kind === "elderly_alone" ? pick3(rng, [1, 4, 5]) : pick3(rng, [5, 4, 1]),
      fonte_valutazione: rng.chance(0.6) ? 1 : 2,
      strumento_valutazione: rng.chance(0.8) ? 1 : 7,
    });
    const iseeId = isee(rng, ctx, out, c, householdId, "sociosanitario", 30_000);
    deliver(rng, ctx, out, c, {
      service: "sad",
      euros: rng.int(250, 700),
      shares: { user: 0.15 },
      hours: rng.int(2, 8),
      frequency: "weekly",
      iseeId,
    });
    if (dependency >= 2 && rng.chance(0.5))
      deliver(rng, ctx, out, c, {
        service: "adi",
        euros: rng.int(150, 450),
        shares: { health: 0.6 },
        hours: rng.int(2, 6),
        frequency: "weekly",
      });
    if (plan.kind !== "elderly_alone" && rng.chance(0.5))
      deliver(rng, ctx, out, c, { service: "caregiver", euros: rng.pick([200, 300, 400]), shares: {}, iseeId });
    if (dependency === 3 && rng.chance(0.35))
      deliver(rng, ctx, out, c, {
        service: "rsa",
        euros: rng.int(600, 1400),
        shares: { user: 0.3, health: 0.2 },
        iseeId,
      });
    return;
  }
  const disabled = adults.find(() => rng.chance(0.12));
  if (disabled) {
    const c = openCase(rng, ctx, out, disabled, comune.istat, "disabili", 2, "voluntary", opened);
    if (!c) return;
    assess(rng, ctx, out, c, ctx.forms.sina, {
      mobilita: pick3(rng, [4, 4, 2]),
      adl: pick3(rng, [3, 5, 2]),
      disturbi_comportamentali: rng.chance(0.3) ? 2 : 1,
      area_reddituale: pick3(rng, [3, 5, 2]),
      area_supporto: pick3(rng, [5, 4, 1]),
      fonte_valutazione: 1,
      strumento_valutazione: 7,
    });
    const iseeId = isee(rng, ctx, out, c, householdId, "sociosanitario", 25_000);
    deliver(rng, ctx, out, c, { service: "cse", euros: rng.int(500, 1100), shares: { user: 0.1 }, iseeId });
    if (rng.chance(0.6)) deliver(rng, ctx, out, c, { service: "transport", euros: rng.int(80, 250), shares: {} });
    return;
  }
  if (minors.length && rng.chance(0.45)) {
    // A family with children: a court mandate (with ADM, sometimes a placement) or voluntary support.
    const court = rng.chance(0.45);
    for (const child of minors) {
      const c = openCase(
        rng,
        ctx,
        out,
        child,
        comune.istat,
        "famiglia_minori",
        1,
        court ? "court_mandate" : "voluntary",
        opened,
      );
      if (!c) return;
      const placed = court && rng.chance(0.3);
      const fostered = placed && rng.chance(0.5);
      const school =
        child.age < 3 ? 3 : child.age < 6 ? 4 : child.age < 11 ? 5 : child.age < 14 ? 6 : child.age < 16 ? 7 : 1;
      const orderDate = court ? addDays(opened, rng.int(20, 120)) : undefined;
      assess(rng, ctx, out, c, ctx.forms.sinba, {
        minore_straniero_non_acc: 2,
        condizione_minore: 1,
        luogo_vita: fostered ? 3 : placed ? 4 : 1,
        scuola_frequentata: school,
        condizione_lavoro: 1,
        disabilita: rng.chance(0.08) ? 1 : 2,
        fonte_segnalazione: court ? rng.pick([11, 5, 13, 3]) : rng.pick([2, 8, 13]),
        valutazione_minore: court ? rng.pick([2, 7, 4]) : rng.pick([1, 2, 13]),
        valutazione_famiglia: court ? rng.pick([2, 6, 7]) : rng.pick([2, 12]),
        segnalazione_ag: court ? 1 : 2,
        provvedimento: court && orderDate && orderDate < ctx.today ? 1 : 2,
        ...(court && orderDate && orderDate < ctx.today
          ? {
              data_segnalazione: opened,
              data_provvedimento: orderDate,
              autorita_provvedimento: 2,
              tipo_provvedimento: fostered ? 4 : placed ? 8 : rng.pick([5, 7]),
            }
          : {}),
        ...(fostered ? { forma_affido: 2, tipo_affido: 2, durata_affido: 1, carattere_affido: 1 } : {}),
        ...(placed && !fostered ? { carattere_inserimento: 7, forma_inserimento: 2, tipo_inserimento: 2 } : {}),
      });
      if (fostered) deliver(rng, ctx, out, c, { service: "foster", euros: 500, shares: {} });
      else if (placed) deliver(rng, ctx, out, c, { service: "community", euros: rng.int(2800, 3600), shares: {} });
      else if (court || child.age >= 3 || rng.chance(0.5))
        deliver(rng, ctx, out, c, {
          service: "adm",
          euros: rng.int(300, 800),
          shares: {},
          hours: rng.int(3, 8),
          frequency: "weekly",
        });
      if (!placed && child.age < 3 && rng.chance(0.6)) {
        const iseeId = isee(rng, ctx, out, c, householdId, "minorenni", 18_000);
        deliver(rng, ctx, out, c, { service: "nursery", euros: rng.int(150, 400), shares: { user: 0.25 }, iseeId });
      } else if (!placed && child.age >= 6 && rng.chance(0.3))
        deliver(rng, ctx, out, c, {
          service: "school",
          euros: rng.int(200, 500),
          shares: {},
          hours: rng.int(4, 10),
          frequency: "weekly",
        });
    }
    return;
  }
  const head = ms.find((m) => m.age >= 18) ?? ms[0];
  if (!head) return;
  const foreign = plan.community !== null && rng.chance(0.35);
  const c = openCase(
    rng,
    ctx,
    out,
    head,
    comune.istat,
    foreign ? "immigrati" : "poverta_disagio_adulti",
    3,
    "voluntary",
    opened,
  );
  if (!c) return;
  // Poverty: one-off income support and rent help, food vouchers, an inclusion traineeship.
  const iseeId = isee(rng, ctx, out, c, householdId, "ordinario", 9_360);
  const times = rng.int(1, 3);
  for (let i = 0; i < times; i++) {
    const when = addDays(c.opened, rng.int(10, 400));
    deliver(rng, ctx, out, c, {
      service: "income",
      euros: rng.pick([250, 300, 500, 800]),
      shares: {},
      iseeId,
      start: when < ctx.today ? when : c.opened,
    });
  }
  if (rng.chance(0.4))
    deliver(rng, ctx, out, c, { service: "rent", euros: rng.pick([600, 900, 1200, 1500]), shares: {}, iseeId });
  if (rng.chance(0.5))
    deliver(rng, ctx, out, c, {
      service: "vouchers",
      euros: rng.pick([100, 150, 200]),
      shares: {},
      iseeId,
      vouchers: rng.pick([4, 6, 10]),
    });
  if (foreign && rng.chance(0.5))
    deliver(rng, ctx, out, c, { service: "canteen", euros: rng.int(60, 150), shares: {}, frequency: "daily" });
  else if (head.age < 60 && rng.chance(0.4))
    deliver(rng, ctx, out, c, { service: "traineeship", euros: rng.pick([350, 400, 500]), shares: {} });
}

export const ageOf = ageOn;
export const addMonthsTo = addMonths;

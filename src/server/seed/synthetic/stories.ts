import { SERVICES, type ServiceKey, type UserArea } from "./catalogue.ts";
import {
  addDays,
  type Batch,
  DAY,
  type GenContext,
  type HouseholdPlan,
  type Member,
  momentOn,
  protocol,
  type Row,
  toDate,
} from "./generate.ts";
import type { Rng } from "./rng.ts";

// Life stories of the people in care: cases, ISEE, assessments and interventions with SIUSS codes.

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

export function story(
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

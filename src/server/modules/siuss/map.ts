import { createHash } from "node:crypto";
import { decodeFiscalCode, fiscalCodeProblem } from "../../../shared/fiscal-code.ts";
import {
  ageAt,
  CLOSURE_TO_SINBA,
  euros,
  ISTAT_TO_ISO_STATE,
  relationToChild,
  sinbaAgeBand,
  sinbaIseeBand,
} from "./codes.ts";
import { answersToFields, SINA_ITEMS, SINBA_ITEMS } from "./forms.ts";
import type { PsBeneficiary, PsBenefit, SinaBlock, SinbaRecord } from "./records.ts";
import type { InterventionRow, MinorCaseRow } from "./siuss.repo.ts";
import type { FlowProblem } from "./validate.ts";

/**
 * Rows of the Cartella → SIUSS records. Problems name the record (our ids) and the SIUSS field,
 * never a value. A periodic intervention becomes one prestazione per calendar year it covers in the
 * export period (INPS wants start and end in the same year).
 */
const DAY = 86_400_000;
const toTime = (s: string) => Date.parse(`${s}T00:00:00Z`);
const monthsBetween = (from: string, to: string) =>
  Math.max(1, Math.round((toTime(to) - toTime(from) + DAY) / (30.44 * DAY)));
const HOURS_FACTOR: Record<string, number> = { daily: 21.67, weekly: 4.33, monthly: 1 };

/** The Belfiore code inside a codice fiscale (omocodia letters decoded). */
function belfioreFromCf(cf: string): string {
  const digits = "LMNPQRSTUV";
  return (
    (cf[11] as string) + [...cf.slice(12, 15)].map((c) => (digits.includes(c) ? String(digits.indexOf(c)) : c)).join("")
  );
}

function iso(code: string | null, text: string | null): string | null {
  if (code) return ISTAT_TO_ISO_STATE[code] ?? null;
  return text && /^italian[ao]$/i.test(text.trim()) ? "380" : null;
}

/** The SINA block from an assessment on siuss-sina (or the Cartella's svama-lite: same keys). */
function sinaOf(answers: Record<string, string | number>, form: string | null): SinaBlock | null {
  const f = answersToFields(SINA_ITEMS, answers) as Partial<Record<keyof SinaBlock, number>>;
  if (!f.mobility || !f.dailyLiving || !f.behavioural || !f.income || !f.support) return null;
  return {
    mobility: f.mobility as SinaBlock["mobility"],
    dailyLiving: f.dailyLiving as SinaBlock["dailyLiving"],
    cognitive: f.cognitive as SinaBlock["cognitive"],
    behavioural: f.behavioural as SinaBlock["behavioural"],
    healthCare: f.healthCare as SinaBlock["healthCare"],
    income: f.income as SinaBlock["income"],
    support: f.support as SinaBlock["support"],
    // A form filled in the Cartella: source 2 (cartella sociale), tool 7 (other) unless stated.
    assessmentSource: (f.assessmentSource ?? 2) as SinaBlock["assessmentSource"],
    assessmentTool: (f.assessmentTool ?? (form === "svama" ? 1 : 7)) as SinaBlock["assessmentTool"],
    invaliditySource: f.invaliditySource as SinaBlock["invaliditySource"],
    neededBenefits: [],
    invalidity: [],
  };
}

/** One intervention → the prestazioni it makes in [from, to] (one per calendar year). */
export function benefitsOf(r: InterventionRow, period: { from: string; to: string }, today: string): PsBenefit[] {
  const base = {
    operation: "I" as const,
    code: r.siuss_code,
    name: r.service_name,
    applicationRef: (r.protocol ?? r.id.replace(/-/g, "")).slice(0, 32),
    takenInCharge: true,
    userArea: r.siuss_area as 1 | 2 | 3,
    meansTest: (r.means_tested ? (r.dsu_protocol ? 1 : 3) : 4) as PsBenefit["meansTest"],
    ...(r.means_tested && r.dsu_protocol && r.dsu_date
      ? { dsu: { number: r.dsu_protocol.slice(0, 30), year: r.dsu_date.slice(0, 4), date: r.dsu_date } }
      : {}),
  };
  const sina = r.sina_answers ? sinaOf(r.sina_answers, r.sina_form) : null;
  const withSina = sina ? { sina } : {};
  if (!r.periodic) {
    if (r.start_date < period.from || r.start_date > period.to) return [];
    const total = r.amount_cents;
    return [
      {
        ...base,
        ...withSina,
        ref: r.id,
        character: 2,
        deliveryDate: r.start_date,
        amount: euros(total),
        shareEnte: euros(r.share_comune_cents),
        shareUser: euros(r.share_user_cents),
        shareSsn: euros(r.share_health_cents),
      },
    ];
  }
  const totalMonths = monthsBetween(r.start_date, r.end_date ?? today);
  const monthly = Math.round(r.amount_cents / totalMonths);
  const mUser = Math.round(r.share_user_cents / totalMonths);
  const mSsn = Math.round(r.share_health_cents / totalMonths);
  const hours =
    r.hours_per_period && r.frequency && HOURS_FACTOR[r.frequency]
      ? (Number(r.hours_per_period) * (HOURS_FACTOR[r.frequency] as number)).toFixed(2)
      : undefined;
  const out: PsBenefit[] = [];
  const first = Math.max(Number(r.start_date.slice(0, 4)), Number(period.from.slice(0, 4)));
  const last = Math.min(Number((r.end_date ?? period.to).slice(0, 4)), Number(period.to.slice(0, 4)));
  for (let year = first; year <= last; year++) {
    const yStart = [r.start_date, period.from, `${year}-01-01`].sort()[2] as string;
    const ends = [`${year}-12-31`, period.to, ...(r.end_date ? [r.end_date] : [])].sort();
    const yEnd = ends[0] as string;
    if (yEnd < yStart) continue;
    const closedInYear = (r.end_date !== null && r.end_date <= yEnd) || `${year}-12-31` < today;
    out.push({
      ...base,
      ...withSina,
      ref: `${r.id}@${year}`,
      character: 1,
      startDate: yStart,
      ...(closedInYear ? { endDate: yEnd } : {}),
      months: Math.min(12, monthsBetween(yStart, yEnd)),
      monthlyAmount: euros(monthly),
      shareEnte: euros(monthly - mUser - mSsn),
      shareUser: euros(mUser),
      shareSsn: euros(mSsn),
      ...(hours ? { monthlyHours: hours } : {}),
    });
  }
  return out;
}

/** The Beneficiario for a person's rows; problems name the person and the field. */
export function beneficiaryOf(
  rows: InterventionRow[],
  benefits: PsBenefit[],
): { record: PsBeneficiary | null; problems: FlowProblem[] } {
  const r = rows[0] as InterventionRow;
  const problems: FlowProblem[] = [];
  const problem = (field: string, message: string) =>
    problems.push({ record: r.person_id, field, line: null, message });
  const cf = r.fiscal_code;
  if (!cf || fiscalCodeProblem(cf)) {
    problem("Beneficiario@CodiceFiscale", "a valid codice fiscale is required by PS-PSA-SINA");
    return { record: null, problems };
  }
  const decoded = decodeFiscalCode(cf);
  const birthYear = (r.birth_date ?? decoded?.birthDate ?? "").slice(0, 4);
  const sex = r.sex ?? decoded?.sex;
  const citizenship = iso(r.citizenship_code, r.citizenship);
  if (!citizenship) problem("Anagrafica@CodiceCittadinanza", "citizenship code missing or not in the ISTAT→ISO table");
  if (!r.region_code) problem("Indirizzo@CodiceRegione", "residence Comune unknown");
  if (problems.length) return { record: null, problems };
  const second = r.second_citizenship_code ? ISTAT_TO_ISO_STATE[r.second_citizenship_code] : undefined;
  return {
    record: {
      ref: r.person_id,
      fiscalCode: cf,
      familyName: r.family_name.slice(0, 36),
      givenName: r.given_name.slice(0, 36),
      birthYear,
      birthPlace: r.birth_place_code ?? belfioreFromCf(cf),
      sex: sex === "F" ? 2 : 1,
      citizenship: citizenship as string,
      ...(second ? { secondCitizenship: second } : {}),
      addresses: [{ regionCode: r.region_code as string, comuneIstat: r.residence_istat, countryCode: "380" }],
      benefits,
    },
    problems,
  };
}

/**
 * The SINBA pseudonym: stable for a case, not derivable from the person's identity outside the
 * Cartella (a hash of the random case id), and ≤ 20 characters as IDBeneficiario requires.
 */
export function sinbaPseudonym(ambitoId: number, caseId: string): string {
  return `M${createHash("sha256").update(`sinba:${ambitoId}:${caseId}`).digest("hex").slice(0, 19).toUpperCase()}`;
}

export function sinbaOf(
  ambitoId: number,
  r: MinorCaseRow,
  on: string,
): { record: SinbaRecord | null; problems: FlowProblem[] } {
  const problems: FlowProblem[] = [];
  const problem = (field: string, message: string) =>
    problems.push({ record: r.case_id, field: `SINBA@${field}`, line: null, message });
  const a = answersToFields(SINBA_ITEMS, r.answers ?? {});
  if (!r.answers) problem("LuogoVita", "the case has no SINBA assessment (form siuss-sinba)");
  else
    for (const i of SINBA_ITEMS)
      if (i.required && a[i.field] === undefined)
        problem(i.type?.replace(/Type$/, "") ?? i.key, `answer "${i.key}" missing in the SINBA assessment`);
  const codes = r.benefit_codes ?? [];
  // A case with no intervention yet has no prestazione to report: SINBA requires at least one.
  if (codes.length === 0) return { record: null, problems: [] };
  if (problems.length) return { record: null, problems };
  const household = [
    ...new Set((r.relations ?? []).map((x) => relationToChild(x.relation, x.sex)).filter((x) => x !== null)),
  ].sort() as SinbaRecord["household"];
  const opt = (k: keyof SinbaRecord) => (typeof a[k] === "number" ? (a[k] as number) : undefined);
  const date = (k: keyof SinbaRecord) => (typeof a[k] === "string" ? (a[k] as string) : undefined);
  const closure = r.closed_on && r.closure_reason ? CLOSURE_TO_SINBA[r.closure_reason] : undefined;
  const citizenship = r.citizenship_code ? ISTAT_TO_ISO_STATE[r.citizenship_code] : undefined;
  const record: SinbaRecord = {
    ref: r.case_id,
    pseudonym: sinbaPseudonym(ambitoId, r.case_id),
    benefitCodes: codes,
    household: household.length ? household : [6],
    unaccompaniedForeign: (opt("unaccompaniedForeign") ?? 2) as 1 | 2,
    orphanhood: (opt("orphanhood") ?? 1) as SinbaRecord["orphanhood"],
    livingPlace: opt("livingPlace") as number,
    school: opt("school") as number,
    work: (opt("work") ?? 1) as SinbaRecord["work"],
    disability: (opt("disability") ?? 2) as 1 | 2,
    disabilityType: opt("disabilityType") as SinbaRecord["disabilityType"],
    fatherCitizenship: undefined,
    motherCitizenship: citizenship && household.includes(1) ? citizenship : undefined,
    firstReport: r.opened_on,
    reportSource: opt("reportSource") as number,
    childAssessment: opt("childAssessment") as number,
    familyAssessment: opt("familyAssessment") as number,
    reportedToCourt: (opt("reportedToCourt") ?? 2) as 1 | 2,
    courtReportDate: date("courtReportDate"),
    courtOrder: (opt("courtOrder") ?? 2) as 1 | 2,
    courtOrderDate: date("courtOrderDate"),
    courtAuthority: opt("courtAuthority") as SinbaRecord["courtAuthority"],
    courtOrderType: opt("courtOrderType"),
    fosterForm: opt("fosterForm") as SinbaRecord["fosterForm"],
    fosterType: opt("fosterType") as SinbaRecord["fosterType"],
    fosterDuration: opt("fosterDuration") as SinbaRecord["fosterDuration"],
    fosterCharacter: opt("fosterCharacter") as SinbaRecord["fosterCharacter"],
    residentialCharacter: opt("residentialCharacter"),
    residentialForm: opt("residentialForm") as SinbaRecord["residentialForm"],
    residentialType: opt("residentialType") as SinbaRecord["residentialType"],
    closureReason: closure,
    ageBand: sinbaAgeBand(ageAt(r.birth_date, on < (r.closed_on ?? on) ? on : (r.closed_on ?? on))),
    iseeBand: r.isee_cents !== null ? sinbaIseeBand(r.isee_cents) : undefined,
    birthYear: r.birth_date.slice(0, 4),
    residenceRegion: r.region_code ?? undefined,
    residenceCountry: "380",
  };
  return { record, problems };
}

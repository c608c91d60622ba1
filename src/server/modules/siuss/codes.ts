/**
 * Translations from the Cartella's codes to the SIUSS ones. The Cartella stores states with their
 * ISTAT code (Italy = 100, as the anagrafe does); SIUSS wants the ISO 3166-1 numeric code
 * (Italy = 380: the XSD says "CodiceNazione è Italia (380)"). Note that ISO 100 is Bulgaria: the two
 * lists must never be mixed, hence one explicit table.
 */
export const ISTAT_TO_ISO_STATE: Record<string, string> = {
  "100": "380", // Italia
  "201": "008", // Albania
  "203": "040", // Austria
  "206": "056", // Belgio
  "209": "100", // Bulgaria
  "215": "250", // Francia
  "216": "276", // Germania
  "219": "826", // Regno Unito
  "220": "300", // Grecia
  "233": "616", // Polonia
  "235": "642", // Romania
  "239": "724", // Spagna
  "243": "804", // Ucraina
  "254": "498", // Moldova
  "305": "050", // Bangladesh
  "311": "144", // Sri Lanka
  "314": "156", // Cina
  "323": "608", // Filippine
  "330": "356", // India
  "344": "586", // Pakistan
  "419": "818", // Egitto
  "436": "504", // Marocco
  "443": "566", // Nigeria
  "450": "686", // Senegal
  "460": "788", // Tunisia
  "605": "076", // Brasile
  "609": "218", // Ecuador
  "615": "604", // Perù
};

/** social_case.closure_reason → SINBA MotivazioneChiusuraCarico. */
export const CLOSURE_TO_SINBA: Record<string, number> = {
  moved_other_ambito: 1,
  age_of_majority: 3,
  needs_resolved: 4,
  user_request: 5,
  repatriation: 6,
  unreachable: 7,
  deceased: 8,
  other: 9,
};

/** SINBA FasciaEtaBeneficiario: 1 = 0-3, 2 = 3-6 … 6 = 15-18 (age in completed years). */
export function sinbaAgeBand(age: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(1, Math.floor(age / 3) + 1)) as 1 | 2 | 3 | 4 | 5 | 6;
}

/** SINBA FasciaISEEBeneficiario from an ISEE value in cents. */
export function sinbaIseeBand(cents: number): number {
  const euros = cents / 100;
  if (euros <= 0) return 1;
  const limits = [3000, 6000, 9000, 12000, 15000, 20000];
  const i = limits.findIndex((l) => euros <= l);
  return i === -1 ? 8 : i + 2;
}

/** Household relation of another member, seen from a child of the household head. */
export function relationToChild(relation: string, sex: string | null): number | null {
  switch (relation) {
    case "intestatario":
    case "coniuge":
    case "genitore":
      return sex === "F" ? 1 : 2;
    case "figlio":
    case "fratello":
      return 3;
    case "nonno":
      return 4;
    case "convivente":
      return 5;
    default:
      return 6;
  }
}

export const euros = (cents: number) => (cents / 100).toFixed(2);

export function ageAt(birth: string, on: string): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

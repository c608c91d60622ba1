/**
 * Codice fiscale of a natural person: 16 characters, with omocodia substitutions allowed in the
 * digit positions, and the check character computed with the official odd/even tables.
 */
const ODD: Record<string, number> = {
  "0": 1,
  "1": 0,
  "2": 5,
  "3": 7,
  "4": 9,
  "5": 13,
  "6": 15,
  "7": 17,
  "8": 19,
  "9": 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};
const OMOCODIA = "LMNPQRSTUV";
const MONTHS = "ABCDEHLMPRST";
const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

const evenValue = (c: string) => (c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65);

export function fiscalCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i] as string;
    sum += i % 2 === 0 ? (ODD[c] ?? 0) : evenValue(c);
  }
  return String.fromCharCode(65 + (sum % 26));
}

export type FiscalCodeProblem = "length" | "format" | "check";

export function fiscalCodeProblem(input: string): FiscalCodeProblem | null {
  const cf = input.trim().toUpperCase();
  if (cf.length !== 16) return "length";
  if (!SHAPE.test(cf)) return "format";
  if (fiscalCodeCheckChar(cf.slice(0, 15)) !== cf[15]) return "check";
  return null;
}

/** Birth date and sex encoded in a valid code (omocodia decoded); century is inferred as ≤ today. */
export function decodeFiscalCode(input: string, today = new Date()): { birthDate: string; sex: "F" | "M" } | null {
  const cf = input.trim().toUpperCase();
  if (fiscalCodeProblem(cf)) return null;
  const digit = (c: string) => (OMOCODIA.includes(c) ? String(OMOCODIA.indexOf(c)) : c);
  const yy = Number(digit(cf[6] as string) + digit(cf[7] as string));
  const month = MONTHS.indexOf(cf[8] as string) + 1;
  let day = Number(digit(cf[9] as string) + digit(cf[10] as string));
  const sex = day > 40 ? "F" : "M";
  if (day > 40) day -= 40;
  const currentYY = today.getUTCFullYear() % 100;
  const year = (yy <= currentYY ? 2000 : 1900) + yy;
  const pad = (n: number) => String(n).padStart(2, "0");
  return { birthDate: `${year}-${pad(month)}-${pad(day)}`, sex };
}

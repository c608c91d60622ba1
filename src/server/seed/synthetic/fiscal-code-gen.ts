import { fiscalCodeCheckChar } from "../../../shared/fiscal-code.ts";

/**
 * Codice fiscale of a (synthetic) natural person, computed by the DM 23/12/1976 rules: surname and
 * name letters, year, month letter, day (+40 for women), Belfiore code of the birth place, check
 * character. `variant` > 0 applies omocodia substitutions (from the right) to tell apart people
 * whose codes would collide, as the Agenzia delle Entrate does.
 */
const MONTHS = "ABCDEHLMPRST";
const OMOCODIA = "LMNPQRSTUV";
const DIGIT_POSITIONS = [14, 13, 12, 10, 9, 7, 6];

function letters(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
}
const split = (s: string) => {
  const l = letters(s);
  return { cons: l.replace(/[AEIOU]/g, ""), vows: l.replace(/[^AEIOU]/g, "") };
};

export function surnameCode(surname: string): string {
  const { cons, vows } = split(surname);
  return `${cons}${vows}XXX`.slice(0, 3);
}

export function nameCode(name: string): string {
  const { cons, vows } = split(name);
  if (cons.length >= 4) return `${cons[0]}${cons[2]}${cons[3]}`;
  return `${cons}${vows}XXX`.slice(0, 3);
}

export function computeFiscalCode(p: {
  familyName: string;
  givenName: string;
  birthDate: string; // YYYY-MM-DD
  sex: "F" | "M";
  birthPlace: string; // Belfiore code (Z-code for a foreign state)
  variant?: number;
}): string {
  const [y, m, d] = p.birthDate.split("-").map(Number) as [number, number, number];
  const day = d + (p.sex === "F" ? 40 : 0);
  const chars = [
    ...surnameCode(p.familyName),
    ...nameCode(p.givenName),
    ...String(y % 100).padStart(2, "0"),
    MONTHS[m - 1] as string,
    ...String(day).padStart(2, "0"),
    ...p.birthPlace.toUpperCase(),
  ];
  const variant = p.variant ?? 0;
  for (let i = 0; i < variant && i < DIGIT_POSITIONS.length; i++) {
    const pos = DIGIT_POSITIONS[i] as number;
    chars[pos] = OMOCODIA[Number(chars[pos])] as string;
  }
  const first15 = chars.join("");
  return first15 + fiscalCodeCheckChar(first15);
}

/**
 * Exact money for the Bilancio module: amounts are integer cents held as bigint while parsing and
 * summing (a 1,000,000-line report must never lose a cent), and as int8 in the database.
 */

/** One printed amount in the Italian format: dot for thousands, comma and exactly two decimals. */
export const AMOUNT = String.raw`\d{1,3}(?:\.\d{3})*,\d{2}`;

/** "1.234.567,89" -> 123456789n; string arithmetic only, never floats. */
export function parseCents(text: string): bigint {
  if (!new RegExp(`^${AMOUNT}$`).test(text)) throw new Error(`'${text}' is not an amount like 1.234,56`);
  return BigInt(text.replace(/[.,]/g, ""));
}

/** 123456789n -> "1.234.567,89" (the report's own format, so messages quote what the reader sees). */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  const units = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${units},${digits.slice(-2)}`;
}

/** The amount columns a report prints; capital sections add the three "di cui" columns. */
export const COLUMNS = ["forecast", "priorForecast", "priorActual", "crono", "newFunds", "ptlp"] as const;
export type Column = (typeof COLUMNS)[number];
export type Amounts = Partial<Record<Column, bigint>>;

export const CURRENT_COLUMNS: Column[] = ["forecast", "priorForecast", "priorActual"];
export const CAPITAL_COLUMNS: Column[] = ["forecast", "priorForecast", "priorActual", "crono", "newFunds", "ptlp"];

/** Column headings as printed (year-relative, so the same model serves any year). */
export function columnLabel(column: Column, year: number): string {
  return {
    forecast: `PREVISIONE ${year}`,
    priorForecast: `PREVISIONE ${year - 1}`,
    priorActual: `RENDICONTO ${year - 1}`,
    crono: "di cui CRONO",
    newFunds: "di cui ALTRI NUOVI STANZIAMENTI",
    ptlp: "di cui PROGRAMMA TRIENNALE LAVORI PUBBLICI",
  }[column];
}

export function addInto(target: Amounts, add: Amounts): void {
  for (const [k, v] of Object.entries(add) as [Column, bigint][]) target[k] = (target[k] ?? 0n) + v;
}

/** "PREVISIONE 2022 48.305.820,00; ..." for the columns the printed total carries. */
export function describeAmounts(amounts: Amounts, columns: Column[], year: number): string {
  return columns.map((c) => `${columnLabel(c, year)} ${formatCents(amounts[c] ?? 0n)}`).join("; ");
}

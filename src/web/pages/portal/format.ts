/** Money and answers as the portal shows and reads them (Italian conventions accepted in both languages). */
export function euro(cents: number | null | undefined, lang: string): string {
  if (cents === null || cents === undefined) return "—";
  return (cents / 100).toLocaleString(lang === "en" ? "en-GB" : "it-IT", { style: "currency", currency: "EUR" });
}

/** "26.000,01", "26000.01" or "26000" → 2600001 cents; null when it is not an amount. */
export function parseEuroCents(input: string): number | null {
  let s = input.trim().replace(/\s|€/g, "");
  if (!s) return null;
  if (/,\d{1,2}$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ""] = s.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

export const dateText = (iso: string | null | undefined, lang: string) =>
  iso
    ? new Date(iso).toLocaleDateString(lang === "en" ? "en-GB" : "it-IT", {
        day: "numeric",
        month: "long",
        year: "numeric",
      })
    : "—";

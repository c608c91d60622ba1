/**
 * The checker writes its explanations in English (see the server's checker.ts). The few phrases
 * it uses are put into Italian here; anything else is shown as the server wrote it.
 */
const AMBITO_SUMS = "the Ambito's value from the Comuni's summed counts";
const FROM_COUNTS = "recomputed from the counts";

const IT: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^sum of the (\d+) rows above$/, (m) => `somma delle ${m[1]} righe precedenti`],
  [/^arithmetic mean of the (\d+) Comuni$/, (m) => `media aritmetica di ${m[1]} Comuni`],
  [/^the same count in another table or dataset$/, () => "lo stesso conteggio in un'altra tabella o fonte di dati"],
  [
    new RegExp(`^${AMBITO_SUMS}, from other tables or datasets$`),
    () => "valore dell'Ambito dai conteggi sommati dei Comuni, da altre tabelle o fonti di dati",
  ],
  [
    new RegExp(`^${AMBITO_SUMS}(?: \\((.*)\\))?$`),
    (m) => `valore dell'Ambito dai conteggi sommati dei Comuni${m[1] ? ` (${m[1]})` : ""}`,
  ],
  [new RegExp(`^${FROM_COUNTS}(?: \\((.*)\\))?$`), (m) => `ricalcolato dai conteggi${m[1] ? ` (${m[1]})` : ""}`],
];

/** The explanation in the user's language (Italian or, as sent, English). */
export function explain(text: string, language: string): string {
  if (language === "en") return text;
  for (const [pattern, render] of IT) {
    const match = text.match(pattern);
    if (match) return render(match);
  }
  return text;
}

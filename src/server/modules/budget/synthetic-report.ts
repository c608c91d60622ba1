import { type Amounts, addInto, formatCents } from "./amounts.ts";

/**
 * A synthetic "Report Commissioni" in the seed 003 layout, with totals and recaps that add up, for
 * benchmarks and tests: settore blocks of wrapped entrate and spese lines repeated until about
 * `targetLines` physical lines. Written through `write` so a million lines never sit in memory.
 */
export function writeSyntheticReport(
  targetLines: number,
  write: (line: string) => void,
  perSettore = 200,
): { lines: number; records: number } {
  let lines = 0;
  let records = 0;
  const out = (s: string) => {
    write(s);
    lines++;
  };
  const f = formatCents;
  // Each settore block is 5 physical lines per record plus 6 of headings/totals, in both 1.A and 1.B.
  const settori = Math.max(1, Math.ceil((targetLines - 100) / (2 * (perSettore * 5 + 6))));
  out(" Bilancio di Previsione 2022 - REPORT COMMISSIONI - ");
  const vinc: Record<"E" | "S", Amounts> = { E: {}, S: {} };
  const programmi: Record<string, Amounts> = {};
  let peg = 0;
  for (const section of ["1.A", "1.B"] as const) {
    const entrate = section === "1.A";
    out("");
    out(`${section}        ${entrate ? "ENTRATE CORRENTI" : "SPESE CORRENTI"}`);
    out("ANNO :");
    out("2022");
    out("PEGPDC DESCRIZIONE PEG VINCPREVISIONE 2022 PREVISIONE 2021 RENDICONTO 2021");
    out("DIR07   DIREZIONE WELFARE E SALUTE");
    const direzione: Amounts = {};
    for (let s = 0; s < settori; s++) {
      const code = String(100 + s);
      out(`${code} AREA SINTETICA ${code}`);
      out(entrate ? "2 TRASFERIMENTI CORRENTITITOLO" : "1 SPESE CORRENTITITOLO:");
      out(entrate ? "01 TRASFERIMENTI CORRENTITIPOLOGIA:" : "03 ACQUISTO DI BENI E SERVIZIMACROAGGR:");
      const group: Amounts = {};
      for (let i = 0; i < perSettore; i++) {
        peg++;
        records++;
        const a = {
          forecast: BigInt((peg * 7919) % 100_000_000),
          priorForecast: BigInt((peg * 104_729) % 90_000_000),
          priorActual: BigInt((peg * 1_299_709) % 80_000_000),
        };
        const v = peg % 3 === 0;
        const cap = Math.floor(peg / 999) + 1;
        const art = (peg % 999) + 1;
        out(
          `${cap} ${art} 0${entrate ? "2010101000" : "1030215000"} ${entrate ? "TRASFERIMENTI" : "CONTRATTI DI SERVIZIO"} DI PROVA PER IL `,
        );
        out("");
        out(`BENCHMARK SINTETICO NUMERO ${peg}`);
        const prog = `0${(peg % 4) + 1}`;
        out(`${v ? "V" : ""}${f(a.forecast)}${f(a.priorForecast)}${entrate ? " " : `12 ${prog} `}${f(a.priorActual)}`);
        out("");
        addInto(group, a);
        if (v) addInto(vinc[entrate ? "E" : "S"], a);
        if (!entrate) programmi[prog] = { ...programmi[prog] };
        if (!entrate) addInto(programmi[prog] as Amounts, a);
      }
      const [p22, p21, r21] = [f(group.forecast ?? 0n), f(group.priorForecast ?? 0n), f(group.priorActual ?? 0n)];
      out(
        entrate
          ? `${p22}${p21}Totale TRASFERIMENTI CORRENTI ${r21}`
          : `${p22}${p21}Totale ACQUISTO DI BENI E SERVIZI ${r21}${p21}`,
      );
      out(`${p22}Totale Settore ${code} ${p21} ${r21}`);
      out(" Bilancio di Previsione 2022 - ENTRATE CORRENTI pag. 4");
      addInto(direzione, group);
    }
    out(
      `${f(direzione.forecast ?? 0n)}Totale DIR07   ${f(direzione.priorForecast ?? 0n)} ${f(direzione.priorActual ?? 0n)}`,
    );
  }
  const t = (a: Amounts) => [f(a.forecast ?? 0n), f(a.priorForecast ?? 0n), f(a.priorActual ?? 0n)] as const;
  const [e22, e21, er] = t(vinc.E);
  const [s22, s21, sr] = t(vinc.S);
  for (const l of [
    "1.C        RIEPILOGO ENTRATE e SPESE CORRENTI ",
    "ENTRATE CORRENTI",
    "DIREZIONE WELFARE E SALUTE",
    `V${e22}${e21}2 TRASFERIMENTI CORRENTI ${er}`,
    `${e22}Totale ENTRATE ${e21} ${er}`,
    "SPESE CORRENTI",
    "DIREZIONE WELFARE E SALUTE",
    `V${s22}${s21}1 SPESE CORRENTI ${sr}`,
    `${s22}Totale SPESE ${s21} ${sr}`,
    "1.D        RIEPILOGO SPESA CORRENTE per MISSIONE e PROGRAMMA",
    "SPESE CORRENTI",
    "DIREZIONE WELFARE E SALUTE",
    "12 DIRITTI SOCIALI, POLITICHE SOCIALI E FAMIGLIA",
  ])
    out(l);
  const all: Amounts = {};
  for (const [prog, a] of Object.entries(programmi).sort()) {
    const [p22, p21, r21] = t(a);
    out(`${prog} PROGRAMMA SINTETICO ${prog} ${p21} ${p22}${r21}`);
    addInto(all, a);
  }
  const [p22, p21, r21] = t(all);
  out(`Totale ${p21} ${p22}DIRITTI SOCIALI, POLITICHE SOCIALI E FAMIGLIA ${r21}`);
  out(`Totale ${p21} ${p22}DIREZIONE WELFARE E SALUTE ${r21}`);
  // Capital sections: one settore each, the identity PREVISIONE = CRONO + ALTRI + PTLP holding.
  for (const l of [
    "2.A        ENTRATE IN CONTO CAPITALE",
    "DIR07   DIREZIONE WELFARE E SALUTEDIREZIONE:",
    "51 AREA DIRITTI E INCLUSIONECENTRO RESP:",
    "ENTRATE IN CONTO CAPITALETITOLO: 4",
    "02 CONTRIBUTI AGLI INVESTIMENTITIPOLOGIA:",
    "4145 4 0 CONTRIBUTI AGLI INVESTIMENTI DI PROVA 0,00 300.000,00 0,00 300.000,000,000,00",
    "0,00 300.000,00 0,00 300.000,000,00Totale CONTRIBUTI AGLI INVESTIMENTI 0,00",
    "Totale 0,00 300.000,00 0,00 300.000,000,0051 0,00",
    "0,00 300.000,00 0,00 300.000,000,00DIR07   Totale 0,00",
    "2.B        SPESE IN CONTO CAPITALE",
    "DIR07   DIREZIONE WELFARE E SALUTEDIREZIONE:",
    "51 AREA DIRITTI E INCLUSIONECENTRO RESP:",
    "SPESE IN CONTO CAPITALETITOLO 2",
    "5561 1 30 BENI IMMOBILI - MANUTENZIONE STRAORDINARIA 300.000,00 300.000,00 0,00 300.000,000,0001 06 0,00",
    "Totale 300.000,00 300.000,00 0,00 300.000,000,00SPESE IN CONTO CAPITALE 0,00",
    "300.000,00 0,00 300.000,000,00Totale 51 0,00300.000,00",
    "300.000,00 0,00 300.000,000,00Totale DIR07   0,00300.000,00",
    "2.C        RIEPILOGO SPESA IN CONTO CAPITALE ",
    "SPESE IN CONTO CAPITALETITOLO 2",
    "DIREZIONE WELFARE E SALUTE",
    "01 SERVIZI ISTITUZIONALI, GENERALI E DI GESTIONE",
    "300.000,00 0,00 300.000,000,0006 UFFICIO TECNICO 0,00300.000,00",
    "Totale 300.000,00 0,00 300.000,000,00SERVIZI ISTITUZIONALI, GENERALI E DI GESTIONE 0,00300.000,00",
    "300.000,00 0,00 300.000,000,00DIR07   Totale 0,00300.000,00",
    "300.000,00 0,00 300.000,000,00Totale SPESE IN CONTO CAPITALE 0,00300.000,00",
  ])
    out(l);
  return { lines, records: records + 2 };
}

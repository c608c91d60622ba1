/**
 * The three real enti seeded on start (seed 002 l.2097-2100; seed 004 l.2564-2584; seed 000: Milan's
 * 9 Municipi). Comuni are named as in the ISTAT list and resolved to codes at seed time.
 */
export interface EnteSeed {
  slug: string;
  name: string;
  kind: "ambito" | "comune";
  ats: string;
  asst: string | null;
  lead: string | null;
  comuni: string[];
  municipi?: { comune: string; count: number };
  teams?: { name: string; comune: string | null }[];
  organisations?: string[];
}

export const ENTI: EnteSeed[] = [
  {
    slug: "visconteo-sud-milano",
    name: "Ambito Territoriale Sociale Visconteo Sud Milano",
    kind: "ambito",
    ats: "ATS-MILANO",
    asst: "ASST-MELEGNANO-MARTESANA",
    lead: "Rozzano",
    comuni: [
      "Basiglio",
      "Binasco",
      "Casarile",
      "Lacchiarella",
      "Locate di Triulzi",
      "Noviglio",
      "Opera",
      "Pieve Emanuele",
      "Rozzano",
      "Vernate",
      "Zibido San Giacomo",
    ],
    teams: [
      { name: "Servizio sociale Rozzano", comune: "Rozzano" },
      { name: "Servizio sociale Opera", comune: "Opera" },
      { name: "Tutela minori d'Ambito", comune: null },
    ],
    organisations: ["Cooperativa sociale demo (ETS)"],
  },
  {
    slug: "cernusco-distretto-4",
    name: "Ambito Distrettuale di Cernusco sul Naviglio (Distretto 4)",
    kind: "ambito",
    ats: "ATS-MILANO",
    asst: "ASST-MELEGNANO-MARTESANA",
    lead: "Cernusco sul Naviglio",
    comuni: [
      "Bellinzago Lombardo",
      "Bussero",
      "Cambiago",
      "Carugate",
      "Cassina de' Pecchi",
      "Cernusco sul Naviglio",
      "Gessate",
      "Gorgonzola",
      "Pessano con Bornago",
    ],
    teams: [{ name: "Servizio sociale Cernusco sul Naviglio", comune: "Cernusco sul Naviglio" }],
  },
  {
    slug: "milano",
    name: "Comune di Milano",
    kind: "comune",
    ats: "ATS-MILANO",
    asst: null,
    lead: "Milano",
    comuni: ["Milano"],
    municipi: { comune: "Milano", count: 9 },
  },
];

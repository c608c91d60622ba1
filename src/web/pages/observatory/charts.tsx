import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../components/ScrollTable.tsx";

/** Bootstrap Italia's primary blue and a dark orange: distinguishable, both ≥ 4.5:1 on white. */
export const COLORS = { primary: "#0066cc", secondary: "#a64d00", reference: "#1a1a1a", grid: "#d9dadb" } as const;

/** Common ECharts settings: Titillium Web, dark text, no animation (print and screen readers). */
export const BASE_OPTION = {
  animation: false,
  textStyle: { fontFamily: "'Titillium Web', Geneva, Tahoma, sans-serif", color: "#1a1a1a", fontSize: 13 },
  tooltip: { confine: true },
} as const;

/** An age class as a label: "0–4", "85+". */
export const ageLabel = (from: number, to: number | null) => (to === null ? `${from}+` : `${from}–${to}`);

/** A chart's data as a table, folded under "Mostra i dati" (the chart's full text alternative). */
export function DataDetails({ children, summary }: { children: ReactNode; summary?: string }) {
  const { t } = useTranslation();
  return (
    <details className="chart-data mt-2">
      <summary>{summary ?? t("observatory.showData")}</summary>
      <div className="mt-2">
        <ScrollTable label={summary ?? t("observatory.showData")}>{children}</ScrollTable>
      </div>
    </details>
  );
}

/** A titled block of the profile page. */
export function ChartSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="chart-section mb-5">
      <h2 id={`${id}-title`} className="h4">
        {title}
      </h2>
      {children}
    </section>
  );
}

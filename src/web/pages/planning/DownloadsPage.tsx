import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { planUrl } from "./data.ts";
import { PlanFrame } from "./PlanFrame.tsx";

/** /a/:ambito/programmazione/piani/:id/download: reports, workbooks and the plan export. */
export function DownloadsPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  return (
    <PlanFrame view={t("planning.tabs.downloads")}>
      {(plan) => {
        const u = (path: string) => planUrl(ambito.slug, plan.id, path);
        const links = [
          { href: u("/report?format=pdf"), label: t("planning.downloads.reportPdf"), id: "report-pdf" },
          { href: u("/report?format=docx"), label: t("planning.downloads.reportDocx"), id: "report-docx" },
          { href: u("/sheets?format=pdf"), label: t("planning.downloads.sheetsPdf"), id: "sheets-pdf" },
          { href: u("/sheets?format=docx"), label: t("planning.downloads.sheetsDocx"), id: "sheets-docx" },
          { href: u("/indicators.xlsx"), label: t("planning.downloads.indicatorsXlsx"), id: "indicators-xlsx" },
          { href: u("/export?format=json"), label: t("planning.downloads.exportJson"), id: "export-json" },
          { href: u("/export?format=xlsx"), label: t("planning.downloads.exportXlsx"), id: "export-xlsx" },
        ];
        return (
          <ul className="list-unstyled">
            {links.map((l) => (
              <li key={l.id} className="mb-2">
                <a href={l.href} data-testid={l.id}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        );
      }}
    </PlanFrame>
  );
}

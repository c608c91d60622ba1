import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DISCREPANCY_KINDS, type DiscrepancyDto } from "../../../shared/contracts/observatory.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Icon } from "../../components/Icon.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { downloadUrls, type PublishedTableDto, useCheck, usePublishedTables } from "./data.ts";
import { FindingsTable } from "./FindingsTable.tsx";
import { ObservatoryTabs } from "./ObservatoryTabs.tsx";
import { PublishedTables, tableAnchor } from "./PublishedTables.tsx";
import "./observatory.css";

interface Filters {
  table: string;
  kind: string;
  severity: string;
}

const ALL: Filters = { table: "", kind: "", severity: "" };
const byCode = (a: string, b: string) => a.localeCompare(b, "it", { numeric: true });

/** /a/:ambito/osservatorio/verifica: what the checker found in the plan's published tables. */
export function CheckPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const check = useCheck(ambito.slug);
  const tables = usePublishedTables(ambito.slug);
  return (
    <div className="observatory">
      <PageHeader
        title={t("observatory.check.title")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.observatory.title"), to: `/a/${ambito.slug}/osservatorio` },
        ]}
        lead={t("observatory.check.lead")}
      />
      <ObservatoryTabs />
      {check.isPending || tables.isPending ? <Loading /> : null}
      {check.isError ? <ErrorAlert error={check.error} /> : null}
      {tables.isError ? <ErrorAlert error={tables.error} /> : null}
      {check.data && tables.data ? <Findings items={check.data.items} tables={tables.data} slug={ambito.slug} /> : null}
    </div>
  );
}

function Findings({ items, tables, slug }: { items: DiscrepancyDto[]; tables: PublishedTableDto[]; slug: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(ALL);
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const codes = [...new Set(items.map((d) => d.table))].sort(byCode);
  const shown = items.filter(
    (d) =>
      (!filters.table || d.table === filters.table) &&
      (!filters.kind || d.kind === filters.kind) &&
      (!filters.severity || d.severity === filters.severity),
  );
  const anchors = new Map(tables.map((table) => [`${table.document}|${table.code}`, tableAnchor(table)]));
  const major = items.filter((d) => d.severity === "major").length;

  return (
    <>
      <section aria-labelledby="check-summary-title" className="mb-4">
        <h2 id="check-summary-title" className="h4">
          {t("observatory.check.summaryTitle")}
        </h2>
        <p>
          {t("observatory.check.summary", { count: items.length, tables: tables.length })}{" "}
          {items.length ? t("observatory.check.bySeverity", { major, minor: items.length - major }) : ""}
        </p>
        <ul className="check-counts" aria-label={t("observatory.check.countsLabel")}>
          {DISCREPANCY_KINDS.map((kind) => (
            <li key={kind} data-kind={kind}>
              <span className="count">{items.filter((d) => d.kind === kind).length}</span>
              {t(`observatory.check.kindsPlural.${kind}`)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="check-findings-title" className="mb-5">
        <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2 mb-3">
          <h2 id="check-findings-title" className="h4 mb-0">
            {t("observatory.check.findingsTitle")}
          </h2>
          <a className="btn btn-outline-primary btn-sm" href={downloadUrls(slug).checkCsv} download>
            <Icon name="file-csv" className="icon-primary icon-sm me-1" />
            {t("observatory.check.csv")}
          </a>
        </div>
        <div className="row">
          <div className="col-12 col-md-4">
            <SelectField
              id="check-table"
              label={t("observatory.check.table")}
              value={filters.table}
              onChange={set("table")}
            >
              <option value="">{t("observatory.check.allTables")}</option>
              {codes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-12 col-md-4">
            <SelectField
              id="check-kind"
              label={t("observatory.check.kind")}
              value={filters.kind}
              onChange={set("kind")}
            >
              <option value="">{t("observatory.check.allKinds")}</option>
              {DISCREPANCY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`observatory.check.kinds.${kind}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-12 col-md-4">
            <SelectField
              id="check-severity"
              label={t("observatory.check.severity")}
              value={filters.severity}
              onChange={set("severity")}
            >
              <option value="">{t("observatory.check.allSeverities")}</option>
              <option value="major">{t("observatory.check.severities.major")}</option>
              <option value="minor">{t("observatory.check.severities.minor")}</option>
            </SelectField>
          </div>
        </div>
        <p className="small text-muted-strong">{t("observatory.check.severityNote")}</p>
        <p className="fw-semibold" aria-live="polite">
          {t("observatory.check.shown", { count: shown.length, total: items.length })}
        </p>
        <FindingsTable items={shown} total={items.length} anchors={anchors} />
      </section>

      <section aria-labelledby="check-tables-title">
        <h2 id="check-tables-title" className="h4">
          {t("observatory.tables.title")}
        </h2>
        <p>{t("observatory.tables.lead")}</p>
        <PublishedTables tables={tables} findings={items} />
      </section>
    </>
  );
}

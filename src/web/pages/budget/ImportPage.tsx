import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { useMe } from "../../auth/useMe.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { budgetBase } from "./data.ts";
import { ImportSummary } from "./ImportSummary.tsx";
import { type ImportReportDto, postFile, useMappings } from "./imports.data.ts";
import { MappingForm } from "./MappingForm.tsx";

const NEW_MAPPING = "__new__";

/**
 * /a/:ambito/bilancio/importa: upload a report (text of the PDF) or a table (CSV/XLSX with a column
 * mapping); "Verifica" runs the importer without writing, "Importa" is enabled only when that run
 * passed, or when failed checks are accepted with a reason (report layout only, as in the CLI).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const me = useMe();
  const queryClient = useQueryClient();
  const root = `/a/${ambito.slug}/bilancio`;
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<"table" | "report">("table");
  const [fileName, setFileName] = useState("");
  const [year, setYear] = useState("");
  const [reportKind, setReportKind] = useState("");
  const [mapping, setMapping] = useState("");
  const [title, setTitle] = useState("");
  const [override, setOverride] = useState("");
  const [columns, setColumns] = useState<string[] | null>(null);
  const mappings = useMappings(ambito.slug);

  const fields = (dryRun: boolean): Record<string, string> =>
    kind === "report"
      ? { year, kind: reportKind, dryRun: String(dryRun), acceptFailedChecks: dryRun ? "" : override }
      : { mapping, title, dryRun: String(dryRun) };
  const send = (dryRun: boolean) => {
    const file = fileRef.current?.files?.[0];
    if (!file) return Promise.reject(new Error(t("budget.import.chooseFile")));
    return postFile<ImportReportDto>(`${budgetBase(ambito.slug)}/imports/${kind}`, me.csrfToken, file, fields(dryRun));
  };
  const check = useMutation({ mutationFn: () => send(true) });
  const run = useMutation({
    mutationFn: () => send(false),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["budget", ambito.slug, "documents"] }),
  });
  const header = useMutation({
    mutationFn: () => {
      const file = fileRef.current?.files?.[0];
      if (!file) return Promise.reject(new Error(t("budget.import.chooseFile")));
      return postFile<{ columns: string[] }>(`${budgetBase(ambito.slug)}/imports/header`, me.csrfToken, file, {});
    },
    onSuccess: (h) => setColumns(h.columns),
  });
  const reset = () => {
    check.reset();
    run.reset();
  };
  const dry = check.data;
  const onlyChecksFailed = dry && !dry.ok && !dry.problems.length && dry.checks.failed.length > 0;
  const canImport =
    dry && !run.data?.ok && (dry.status === "dry-run" || (onlyChecksFailed && dry.overrideAllowed && override.trim()));
  const errors = { ...fieldErrorsOf(check.error, t), ...fieldErrorsOf(run.error, t) };
  const failure = check.error ?? run.error ?? header.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.reset();
    check.mutate();
  };
  const done = run.data;

  return (
    <>
      <PageHeader
        title={t("budget.import.title")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.budget.title"), to: root },
        ]}
        lead={t("budget.import.lead")}
      />
      <form onSubmit={submit} noValidate aria-labelledby="import-form-title">
        <h2 id="import-form-title" className="visually-hidden">
          {t("budget.import.formTitle")}
        </h2>
        <fieldset className="mb-3">
          <legend className="h6">{t("budget.import.kind")}</legend>
          {(["table", "report"] as const).map((k) => (
            <div className="form-check form-check-inline" key={k}>
              <input
                id={`import-kind-${k}`}
                type="radio"
                name="import-kind"
                className="form-check-input"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  reset();
                }}
              />
              <label htmlFor={`import-kind-${k}`} className="form-check-label">
                {t(`budget.import.kinds.${k}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="form-group mb-4">
          <label htmlFor="import-file" className="active">
            {t("budget.import.file")}
          </label>
          <input
            id="import-file"
            ref={fileRef}
            type="file"
            className="form-control"
            accept={kind === "report" ? ".txt,text/plain" : ".csv,.txt,.tsv,.xlsx"}
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setFileName(e.target.files?.[0]?.name ?? "");
              setColumns(null);
              reset();
            }}
          />
          <small id="import-file-hint" className="form-text">
            {t(`budget.import.fileHint.${kind}`)}
          </small>
          {errors.file ? <div className="invalid-feedback d-block field-error">{errors.file}</div> : null}
        </div>
        {kind === "report" ? (
          <div className="row">
            <div className="col-12 col-md-4">
              <TextField
                id="import-year"
                label={t("budget.import.expectedYear")}
                hint={t("budget.import.expectedHint")}
                value={year}
                onChange={setYear}
                inputMode="numeric"
                error={errors.year}
              />
            </div>
            <div className="col-12 col-md-4">
              <SelectField
                id="import-report-kind"
                label={t("budget.import.expectedKind")}
                value={reportKind}
                onChange={setReportKind}
              >
                <option value="">{t("budget.import.fromTitle")}</option>
                {["previsione", "assestamento", "rendiconto"].map((k) => (
                  <option key={k} value={k}>
                    {t(`budget.kinds.${k}`)}
                  </option>
                ))}
              </SelectField>
            </div>
          </div>
        ) : (
          <div className="row">
            <div className="col-12 col-md-6">
              <SelectField
                id="import-mapping"
                label={t("budget.import.mapping")}
                value={mapping}
                onChange={(v) => {
                  setMapping(v);
                  reset();
                }}
                error={errors.mapping}
              >
                <option value="">{t("budget.import.chooseMapping")}</option>
                {mappings.data?.map((m) => (
                  <option key={m.id} value={m.name}>
                    {m.name}
                  </option>
                ))}
                <option value={NEW_MAPPING}>{t("budget.import.newMapping")}</option>
              </SelectField>
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="import-title"
                label={t("budget.import.docTitle")}
                hint={t("budget.import.docTitleHint")}
                value={title}
                onChange={setTitle}
                error={errors.title}
              />
            </div>
          </div>
        )}
        {kind === "table" && mapping === NEW_MAPPING ? (
          <p>
            <button
              type="button"
              className="btn btn-outline-primary"
              disabled={!fileName || header.isPending}
              onClick={() => header.mutate()}
            >
              {t("budget.import.readHeader")}
            </button>
          </p>
        ) : null}
        <div aria-live="polite">
          {failure && !Object.keys(errors).length ? (
            <div className="alert alert-danger" role="alert">
              {errorText(failure, t)}
            </div>
          ) : null}
        </div>
        {kind === "table" && mapping === NEW_MAPPING ? null : (
          <button
            type="submit"
            className="btn btn-primary me-2"
            disabled={!fileName || (kind === "table" && !mapping) || check.isPending}
          >
            {t("budget.import.verify")}
          </button>
        )}
      </form>
      {kind === "table" && mapping === NEW_MAPPING && columns ? (
        <MappingForm
          columns={columns}
          onSaved={(name) => {
            setMapping(name);
            setColumns(null);
          }}
        />
      ) : null}
      <div aria-live="polite">
        {dry ? (
          <div className={`alert ${dry.ok ? "alert-success" : "alert-warning"} mt-3`} role="status">
            {t(`budget.import.status.${dry.status}`, { id: dry.documentId })}
          </div>
        ) : null}
        {done?.ok ? (
          <div className="alert alert-success mt-3" role="status">
            {t(`budget.import.status.${done.status}`, { id: done.documentId })}{" "}
            <Link to={`${root}/documenti/${done.documentId}`}>{t("budget.import.openDocument")}</Link>
          </div>
        ) : null}
      </div>
      {dry?.status === "already-imported" ? (
        <p>
          <Link to={`${root}/documenti/${dry.documentId}`}>{t("budget.import.openDocument")}</Link>
        </p>
      ) : null}
      {dry ? <ImportSummary report={done ?? dry} /> : null}
      {onlyChecksFailed && dry.overrideAllowed && !done ? (
        <TextField
          id="import-override"
          label={t("budget.import.override")}
          hint={t("budget.import.overrideHint")}
          value={override}
          onChange={setOverride}
        />
      ) : null}
      {dry && !done?.ok ? (
        <button
          type="button"
          className="btn btn-primary mt-2"
          disabled={!canImport || run.isPending}
          onClick={() => run.mutate()}
        >
          {t("budget.import.import")}
        </button>
      ) : null}
    </>
  );
}

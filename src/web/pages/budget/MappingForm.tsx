import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { budgetBase } from "./data.ts";
import {
  guessColumns,
  MAPPED_FIELDS,
  type MappedField,
  REQUIRED_FIELDS,
  withYearPlaceholders,
  yearInHeader,
} from "./imports.data.ts";

/** Values a "Tipo" column usually holds (the server matches them exactly). */
const SIDE_VALUES: Record<string, "spese" | "entrate"> = {
  S: "spese",
  U: "spese",
  E: "entrate",
  s: "spese",
  u: "spese",
  e: "entrate",
  Spese: "spese",
  Uscite: "spese",
  Entrate: "entrate",
  SPESE: "spese",
  USCITE: "spese",
  ENTRATE: "entrate",
};

/**
 * Maps the columns of a table's header to the fields of a budget line and saves the mapping under
 * a name. Pre-filled from the usual BDAP names; the year in column names becomes {year}/{year-1}.
 */
export function MappingForm({ columns, onSaved }: { columns: string[]; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const queryClient = useQueryClient();
  const headerYear = yearInHeader(columns);
  const [name, setName] = useState("");
  const [cols, setCols] = useState<Partial<Record<MappedField, string>>>(() => guessColumns(columns, headerYear));
  const yearColumn = columns.find((c) => /^(esercizio|anno)$/i.test(c.trim())) ?? "";
  const sideColumn = columns.find((c) => /^tipo\b/i.test(c.trim())) ?? "";
  const [yearFrom, setYearFrom] = useState(yearColumn ? `column:${yearColumn}` : "fixed");
  const [fixedYear, setFixedYear] = useState(String(headerYear ?? ""));
  const [sideFrom, setSideFrom] = useState(sideColumn ? `column:${sideColumn}` : "spese");
  const [kind, setKind] = useState("previsione");
  const [generalise, setGeneralise] = useState(headerYear !== null);

  const save = useMutation({
    mutationFn: () => {
      const columnsOut: Record<string, string> = {};
      for (const f of MAPPED_FIELDS) {
        const c = cols[f];
        if (c) columnsOut[f] = generalise ? withYearPlaceholders(c, headerYear) : c;
      }
      const mapping = {
        side: sideFrom.startsWith("column:") ? { column: sideFrom.slice(7), values: SIDE_VALUES } : sideFrom,
        year: yearFrom.startsWith("column:") ? { column: yearFrom.slice(7) } : Number(fixedYear),
        kind,
        columns: columnsOut,
      };
      return api.post<{ id: number; name: string }>(`${budgetBase(ambito.slug)}/mappings`, { name, mapping });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ["budget", ambito.slug, "mappings"] });
      onSaved(saved.name);
    },
  });
  const errors = fieldErrorsOf(save.error, t);
  const fieldError = (f: MappedField) => errors[`mapping.columns.${f}`];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 my-3" aria-labelledby="mapping-form-title">
      <h3 id="mapping-form-title" className="h5">
        {t("budget.import.mappingTitle")}
      </h3>
      <p className="small">{t("budget.import.mappingHelp", { count: columns.length })}</p>
      <div className="row">
        <div className="col-12 col-md-4">
          <SelectField id="map-side" label={t("budget.import.side")} value={sideFrom} onChange={setSideFrom}>
            <option value="spese">{t("budget.sides.spese")}</option>
            <option value="entrate">{t("budget.sides.entrate")}</option>
            {columns.map((c) => (
              <option key={c} value={`column:${c}`}>
                {t("budget.import.fromColumn", { column: c })}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <SelectField id="map-year" label={t("budget.import.yearFrom")} value={yearFrom} onChange={setYearFrom}>
            <option value="fixed">{t("budget.import.fixedYear")}</option>
            {columns.map((c) => (
              <option key={c} value={`column:${c}`}>
                {t("budget.import.fromColumn", { column: c })}
              </option>
            ))}
          </SelectField>
          {yearFrom === "fixed" ? (
            <TextField
              id="map-fixed-year"
              label={t("budget.import.year")}
              value={fixedYear}
              onChange={setFixedYear}
              inputMode="numeric"
              error={errors["mapping.year"]}
            />
          ) : null}
        </div>
        <div className="col-12 col-md-4">
          <SelectField id="map-kind" label={t("budget.documents.kind")} value={kind} onChange={setKind}>
            {["previsione", "assestamento", "rendiconto"].map((k) => (
              <option key={k} value={k}>
                {t(`budget.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <fieldset>
        <legend className="h6">{t("budget.import.columnsLegend")}</legend>
        <div className="row">
          {MAPPED_FIELDS.map((f) => (
            <div className="col-12 col-md-6 col-lg-4" key={f}>
              <SelectField
                id={`map-${f}`}
                label={`${t(`budget.import.fields.${f}`)}${REQUIRED_FIELDS.includes(f) ? " *" : ""}`}
                value={cols[f] ?? ""}
                onChange={(v) => setCols((c) => ({ ...c, [f]: v || undefined }))}
                error={fieldError(f)}
                required={REQUIRED_FIELDS.includes(f)}
              >
                <option value="">{t("budget.import.notMapped")}</option>
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </SelectField>
            </div>
          ))}
        </div>
      </fieldset>
      {headerYear ? (
        <div className="form-check mb-3">
          <input
            id="map-generalise"
            type="checkbox"
            className="form-check-input"
            checked={generalise}
            onChange={(e) => setGeneralise(e.target.checked)}
          />
          <label htmlFor="map-generalise" className="form-check-label">
            {t("budget.import.generalise", { year: headerYear, prior: headerYear - 1 })}
          </label>
        </div>
      ) : null}
      <TextField
        id="map-name"
        label={t("budget.import.mappingName")}
        hint={t("budget.import.mappingNameHint")}
        value={name}
        onChange={setName}
        error={errors.name}
        required
      />
      <div aria-live="polite">
        {save.isError && !Object.keys(errors).length ? (
          <div className="alert alert-danger" role="alert">
            {errorText(save.error, t)}
          </div>
        ) : null}
        {save.isError && Object.keys(errors).length ? (
          <div className="alert alert-danger" role="alert">
            {t("budget.import.mappingInvalid")}
          </div>
        ) : null}
      </div>
      <button type="submit" className="btn btn-secondary" disabled={save.isPending}>
        {t("budget.import.saveMapping")}
      </button>
    </form>
  );
}

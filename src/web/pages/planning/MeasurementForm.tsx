import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type Indicator, type PlanDocument, useAddMeasurement, years } from "./data.ts";

/** Records a measured value with its evidence (Ufficio di Piano only). */
export function MeasurementForm({
  plan,
  indicators,
}: {
  plan: PlanDocument & { id: number };
  indicators: Indicator[];
}) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const add = useAddMeasurement(ambito.slug, plan.id);
  const [indicator, setIndicator] = useState(indicators[0]?.code ?? "");
  const [year, setYear] = useState(String(plan.periodStart));
  const [value, setValue] = useState("");
  const [evidence, setEvidence] = useState("");
  const fields = add.error instanceof ApiError ? add.error.fieldMap() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { indicator, year: Number(year), value: Number(value.replace(",", ".")), evidence: evidence || undefined },
      { onSuccess: () => setValue("") },
    );
  };
  return (
    <form className="mt-4" onSubmit={submit} noValidate>
      <h3 className="h4">{t("planning.measure.title")}</h3>
      {add.isError ? <ErrorAlert error={add.error} /> : null}
      {add.isSuccess ? (
        <div className="alert alert-success" role="status">
          {t("planning.measure.saved")}
        </div>
      ) : null}
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="measure-indicator"
            label={t("planning.measure.indicator")}
            value={indicator}
            onChange={setIndicator}
          >
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} · {i.label}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-2">
          <SelectField
            id="measure-year"
            label={t("planning.measure.year")}
            value={year}
            onChange={setYear}
            error={fields.year}
          >
            {years(plan).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <TextField
            id="measure-value"
            label={t("planning.measure.value")}
            value={value}
            onChange={setValue}
            inputMode="decimal"
            error={fields.value}
            required
          />
        </div>
      </div>
      <TextField
        id="measure-evidence"
        label={t("planning.measure.evidence")}
        value={evidence}
        onChange={setEvidence}
        error={fields.evidence}
      />
      <button type="submit" className="btn btn-primary" disabled={add.isPending || value === ""}>
        {t("planning.measure.save")}
      </button>
    </form>
  );
}

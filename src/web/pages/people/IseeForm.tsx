import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { base, toCents } from "../cases/data.ts";

const KINDS = ["ordinario", "minorenni", "sociosanitario", "corrente", "universitario"] as const;

/** Records an ISEE declaration (value in euro, validity dates, DSU protocol). */
export function IseeForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const year = new Date().getUTCFullYear();
  const [v, setV] = useState({
    kind: "ordinario",
    value: "",
    dsuProtocol: "",
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
  });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: () =>
      api.post(`${base(ambito.slug)}/people/${personId}/isee`, {
        kind: v.kind,
        valueCents: toCents(v.value),
        validFrom: v.validFrom,
        validTo: v.validTo,
        ...(v.dsuProtocol.trim() ? { dsuProtocol: v.dsuProtocol.trim() } : {}),
      }),
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg p-4 my-3" aria-label={t("cases.isee.add")}>
      {save.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(save.error, t)}
        </div>
      ) : null}
      <div className="row">
        <div className="col-12 col-md-4">
          <SelectField
            id="isee-kind"
            label={t("cases.isee.kind")}
            value={v.kind}
            onChange={set("kind")}
            error={errors.kind}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`cases.isee.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="isee-value"
            inputMode="decimal"
            label={t("cases.isee.valueEuro")}
            value={v.value}
            onChange={set("value")}
            error={errors.valueCents}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="isee-dsu"
            label={t("cases.isee.dsu")}
            value={v.dsuProtocol}
            onChange={set("dsuProtocol")}
            error={errors.dsuProtocol}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="isee-from"
            type="date"
            label={t("cases.isee.from")}
            value={v.validFrom}
            onChange={set("validFrom")}
            error={errors.validFrom}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="isee-to"
            type="date"
            label={t("cases.isee.to")}
            value={v.validTo}
            onChange={set("validTo")}
            error={errors.validTo}
          />
        </div>
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t("cases.isee.save")}
        </button>
      </div>
    </form>
  );
}

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { base, today, USER_AREAS } from "./data.ts";
import { useMyComuni } from "./useMyComuni.ts";

/** Opens a case (presa in carico) for the person, optionally from the access contact that led to it. */
export function OpenCaseForm({ personId, accessContactId }: { personId: string; accessContactId?: string }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const navigate = useNavigate();
  const comuni = useMyComuni();
  const [v, setV] = useState({ comuneIstat: "", userArea: "famiglia_minori", level: "voluntary", openedOn: today() });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const comune = v.comuneIstat || comuni[0]?.code || "";
  const save = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>(`${base(ambito.slug)}/cases`, {
        personId,
        comuneIstat: comune,
        userArea: v.userArea,
        level: v.level,
        openedOn: v.openedOn,
        ...(accessContactId ? { accessContactId } : {}),
      }),
    onSuccess: (c) => navigate(`/a/${ambito.slug}/cartella/casi/${c.id}`),
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg p-4 mb-4" aria-labelledby="case-form-title">
      <h3 id="case-form-title" className="h4">
        {t("cases.case.open")}
      </h3>
      {save.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(save.error, t)}
        </div>
      ) : null}
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="case-comune"
            label={t("cases.fields.comune")}
            value={comune}
            onChange={set("comuneIstat")}
            error={errors.comuneIstat}
          >
            {comuni.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="case-area"
            label={t("cases.fields.userArea")}
            value={v.userArea}
            onChange={set("userArea")}
            error={errors.userArea}
          >
            {USER_AREAS.map((a) => (
              <option key={a} value={a}>
                {t(`cases.areas.${a}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="case-level"
            label={t("cases.fields.level")}
            value={v.level}
            onChange={set("level")}
            error={errors.level}
          >
            <option value="voluntary">{t("cases.levels.voluntary")}</option>
            <option value="court_mandate">{t("cases.levels.court_mandate")}</option>
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="case-opened"
            type="date"
            label={t("cases.fields.openedOn")}
            value={v.openedOn}
            onChange={set("openedOn")}
            error={errors.openedOn}
            max={today()}
          />
        </div>
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t("cases.case.openSubmit")}
        </button>
      </div>
    </form>
  );
}

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { PersonDto } from "../../../shared/contracts/people.ts";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useMyComuni } from "../cases/useMyComuni.ts";

/** Register a person: codice fiscale (checked) or a provisional identity for someone without one. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const navigate = useNavigate();
  const comuni = useMyComuni();
  const [v, setV] = useState({
    comuneIstat: "",
    fiscalCode: "",
    provisional: false,
    familyName: "",
    givenName: "",
    sex: "",
    birthDate: "",
    citizenship: "",
    phone: "",
    residenceAddress: "",
  });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const comune = v.comuneIstat || comuni[0]?.code || "";
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = { comuneIstat: comune, provisional: v.provisional };
      for (const k of [
        "familyName",
        "givenName",
        "sex",
        "birthDate",
        "citizenship",
        "phone",
        "residenceAddress",
      ] as const)
        if (v[k].trim()) body[k] = v[k].trim();
      if (!v.provisional) body.fiscalCode = v.fiscalCode.trim();
      return api.post<PersonDto>(`/api/ambiti/${ambito.slug}/people`, body);
    },
    onSuccess: (p) => navigate(`/a/${ambito.slug}/cartella/persone/${p.id}`),
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader
        title={t("cases.person.new")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("people.title"), to: `/a/${ambito.slug}/cartella` },
        ]}
      />
      {save.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(save.error, t)}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="person-comune"
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
          <div className="form-check mt-4">
            <input
              id="person-provisional"
              type="checkbox"
              checked={v.provisional}
              onChange={(e) => setV((old) => ({ ...old, provisional: e.target.checked }))}
            />
            <label htmlFor="person-provisional">{t("cases.person.provisional")}</label>
          </div>
        </div>
        {v.provisional ? null : (
          <div className="col-12 col-md-6">
            <TextField
              id="person-cf"
              label={t("people.fiscalCode")}
              value={v.fiscalCode}
              onChange={set("fiscalCode")}
              error={errors.fiscalCode}
              autoComplete="off"
              maxLength={16}
            />
          </div>
        )}
        <div className="col-12 col-md-6">
          <TextField
            id="person-family"
            label={t("people.familyName")}
            value={v.familyName}
            onChange={set("familyName")}
            error={errors.familyName}
            required
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="person-given"
            label={t("people.givenName")}
            value={v.givenName}
            onChange={set("givenName")}
            error={errors.givenName}
            required
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="person-birth"
            type="date"
            label={t("people.birthDate")}
            hint={t("cases.person.birthHint")}
            value={v.birthDate}
            onChange={set("birthDate")}
            error={errors.birthDate}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="person-sex"
            label={t("cases.person.sex")}
            value={v.sex}
            onChange={set("sex")}
            error={errors.sex}
          >
            <option value="">{t("cases.person.fromCf")}</option>
            <option value="F">{t("cases.person.female")}</option>
            <option value="M">{t("cases.person.male")}</option>
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="person-citizenship"
            label={t("cases.person.citizenship")}
            value={v.citizenship}
            onChange={set("citizenship")}
            error={errors.citizenship}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="person-phone"
            type="tel"
            label={t("cases.person.phone")}
            value={v.phone}
            onChange={set("phone")}
            error={errors.phone}
          />
        </div>
        <div className="col-12">
          <TextField
            id="person-address"
            label={t("cases.person.address")}
            value={v.residenceAddress}
            onChange={set("residenceAddress")}
            error={errors.residenceAddress}
          />
        </div>
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t("cases.person.register")}
          </button>
        </div>
      </form>
    </>
  );
}

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { base, euro, toCents, today, useOptions } from "./data.ts";

const FREQUENCIES = ["one_off", "daily", "weekly", "monthly"] as const;

/** An intervention (erogazione): service, provider, dates, hours, amount and who pays which share. */
export function InterventionForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const options = useOptions(ambito.slug);
  const [v, setV] = useState({
    serviceTypeId: "",
    provider: "",
    providerName: "",
    startDate: today(),
    endDate: "",
    frequency: "weekly",
    hours: "",
    amount: "",
    comune: "",
    user: "",
    health: "",
    status: "active",
  });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const serviceTypeId = v.serviceTypeId || String(options.data?.serviceTypes[0]?.id ?? "");
  const cents = {
    amount: toCents(v.amount),
    comune: toCents(v.comune),
    user: toCents(v.user),
    health: toCents(v.health),
  };
  const sharesTotal = cents.comune + cents.user + cents.health;
  const save = useMutation({
    mutationFn: () =>
      api.post(`${base(ambito.slug)}/cases/${caseId}/interventions`, {
        serviceTypeId: Number(serviceTypeId),
        ...(v.provider ? { providerOrgId: Number(v.provider) } : {}),
        ...(!v.provider && v.providerName.trim() ? { providerName: v.providerName.trim() } : {}),
        startDate: v.startDate,
        ...(v.endDate ? { endDate: v.endDate } : {}),
        frequency: v.frequency,
        ...(v.hours ? { hoursPerPeriod: Number(v.hours.replace(",", ".")) } : {}),
        amountCents: cents.amount,
        shareComuneCents: cents.comune,
        shareUserCents: cents.user,
        shareHealthCents: cents.health,
        status: v.status,
      }),
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const money = (id: string, key: "amount" | "comune" | "user" | "health", label: string, error?: string) => (
    <TextField id={id} inputMode="decimal" label={label} value={v[key]} onChange={set(key)} error={error} />
  );
  return (
    <form onSubmit={submit} noValidate className="card card-bg p-4 my-3" aria-labelledby="intervention-form-title">
      <h3 id="intervention-form-title" className="h4">
        {t("cases.intervention.new")}
      </h3>
      {save.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(save.error, t)}
        </div>
      ) : null}
      <div className="row">
        <div className="col-12 col-md-8">
          <SelectField
            id="intervention-type"
            label={t("cases.intervention.service")}
            value={serviceTypeId}
            onChange={set("serviceTypeId")}
            error={errors.serviceTypeId}
          >
            {options.data?.serviceTypes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.siussCode})
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="intervention-status"
            label={t("cases.intervention.statusLabel")}
            value={v.status}
            onChange={set("status")}
            error={errors.status}
          >
            {(["planned", "active"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`cases.intervention.status.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="intervention-provider"
            label={t("cases.intervention.provider")}
            value={v.provider}
            onChange={set("provider")}
            error={errors.providerOrgId}
          >
            <option value="">{t("cases.intervention.otherProvider")}</option>
            {options.data?.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        </div>
        {v.provider ? null : (
          <div className="col-12 col-md-6">
            <TextField
              id="intervention-provider-name"
              label={t("cases.intervention.providerName")}
              value={v.providerName}
              onChange={set("providerName")}
              error={errors.providerName}
            />
          </div>
        )}
        <div className="col-6 col-md-3">
          <TextField
            id="intervention-start"
            type="date"
            label={t("cases.intervention.start")}
            value={v.startDate}
            onChange={set("startDate")}
            error={errors.startDate}
          />
        </div>
        <div className="col-6 col-md-3">
          <TextField
            id="intervention-end"
            type="date"
            label={t("cases.intervention.end")}
            value={v.endDate}
            onChange={set("endDate")}
            error={errors.endDate}
          />
        </div>
        <div className="col-6 col-md-3">
          <SelectField
            id="intervention-frequency"
            label={t("cases.intervention.frequency")}
            value={v.frequency}
            onChange={set("frequency")}
            error={errors.frequency}
          >
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(`cases.intervention.frequencies.${f}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-6 col-md-3">
          <TextField
            id="intervention-hours"
            inputMode="decimal"
            label={t("cases.intervention.hours")}
            value={v.hours}
            onChange={set("hours")}
            error={errors.hoursPerPeriod}
          />
        </div>
      </div>
      <fieldset>
        <legend className="h5">{t("cases.intervention.costs")}</legend>
        <div className="row">
          <div className="col-6 col-md-3">
            {money("intervention-amount", "amount", t("cases.intervention.amount"), errors.amountCents)}
          </div>
          <div className="col-6 col-md-3">
            {money("intervention-comune", "comune", t("cases.intervention.shareComune"), errors.shareComuneCents)}
          </div>
          <div className="col-6 col-md-3">
            {money("intervention-user", "user", t("cases.intervention.shareUser"), errors.shareUserCents)}
          </div>
          <div className="col-6 col-md-3">
            {money("intervention-health", "health", t("cases.intervention.shareHealth"), errors.shareHealthCents)}
          </div>
        </div>
        <p
          aria-live="polite"
          className={Number.isFinite(sharesTotal) && sharesTotal !== cents.amount ? "fw-bold" : undefined}
        >
          {Number.isFinite(sharesTotal) && Number.isFinite(cents.amount)
            ? t("cases.intervention.sharesSum", {
                sum: euro(sharesTotal, i18n.language),
                amount: euro(cents.amount, i18n.language),
              })
            : null}
        </p>
      </fieldset>
      <div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t("cases.intervention.save")}
        </button>
      </div>
    </form>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type AccessContact, base, today, USER_AREAS } from "./data.ts";
import { useMyComuni } from "./useMyComuni.ts";

const CHANNELS = ["in_person", "phone", "email", "home_visit", "service_referral"] as const;
const OUTCOMES = ["information", "presa_in_carico_leggera", "referral", "full_intake"] as const;

/** Records a contact at the segretariato sociale or the PUA, with its outcome. */
export function AccessForm({ personId, onDone }: { personId: string; onDone: (a: AccessContact) => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const comuni = useMyComuni();
  const queryClient = useQueryClient();
  const [v, setV] = useState({
    comuneIstat: "",
    point: "segretariato",
    channel: "in_person",
    contactDate: today(),
    request: "",
    needArea: "",
    outcome: "information",
    puaRouting: "",
    referredTo: "",
  });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const comune = v.comuneIstat || comuni[0]?.code || "";
  const save = useMutation({
    mutationFn: () =>
      api.post<AccessContact>(`${base(ambito.slug)}/access-contacts`, {
        personId,
        comuneIstat: comune,
        point: v.point,
        channel: v.channel,
        contactDate: v.contactDate,
        request: v.request,
        outcome: v.outcome,
        ...(v.needArea ? { needArea: v.needArea } : {}),
        ...(v.point === "pua" && v.puaRouting ? { puaRouting: v.puaRouting } : {}),
        ...(v.referredTo.trim() ? { referredTo: v.referredTo.trim() } : {}),
      }),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: ["person-access", ambito.slug, personId] });
      onDone(a);
    },
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg p-4 mb-4" aria-labelledby="access-form-title">
      <h3 id="access-form-title" className="h4">
        {t("cases.access.new")}
      </h3>
      {save.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(save.error, t)}
        </div>
      ) : null}
      <div className="row">
        <div className="col-12 col-md-4">
          <SelectField
            id="access-comune"
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
        <div className="col-12 col-md-4">
          <SelectField
            id="access-point"
            label={t("cases.access.point")}
            value={v.point}
            onChange={set("point")}
            error={errors.point}
          >
            <option value="segretariato">{t("cases.access.points.segretariato")}</option>
            <option value="pua">{t("cases.access.points.pua")}</option>
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="access-channel"
            label={t("cases.access.channel")}
            value={v.channel}
            onChange={set("channel")}
            error={errors.channel}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`cases.access.channels.${c}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="access-date"
            type="date"
            label={t("cases.access.date")}
            value={v.contactDate}
            onChange={set("contactDate")}
            error={errors.contactDate}
            max={today()}
          />
        </div>
        <div className="col-12 col-md-8">
          <SelectField
            id="access-area"
            label={t("cases.access.needArea")}
            value={v.needArea}
            onChange={set("needArea")}
            error={errors.needArea}
          >
            <option value="">—</option>
            {USER_AREAS.map((a) => (
              <option key={a} value={a}>
                {t(`cases.areas.${a}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12">
          <div className="form-group">
            <label htmlFor="access-request" className="active">
              {t("cases.access.request")}
            </label>
            <textarea
              id="access-request"
              className={`form-control ${errors.request ? "is-invalid" : ""}`}
              rows={3}
              value={v.request}
              onChange={(e) => set("request")(e.target.value)}
              aria-invalid={errors.request ? true : undefined}
              aria-describedby={errors.request ? "access-request-error" : undefined}
            />
            {errors.request ? (
              <div id="access-request-error" className="invalid-feedback d-block">
                {errors.request}
              </div>
            ) : null}
          </div>
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="access-outcome"
            label={t("cases.access.outcome")}
            value={v.outcome}
            onChange={set("outcome")}
            error={errors.outcome}
          >
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`cases.access.outcomes.${o}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {v.point === "pua" ? (
          <div className="col-12 col-md-4">
            <SelectField
              id="access-routing"
              label={t("cases.access.routing")}
              value={v.puaRouting}
              onChange={set("puaRouting")}
              error={errors.puaRouting}
            >
              <option value="">—</option>
              {(["social", "health", "complex"] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`cases.access.routings.${r}`)}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
        {v.outcome === "referral" ? (
          <div className="col-12 col-md-4">
            <TextField
              id="access-referred"
              label={t("cases.access.referredTo")}
              value={v.referredTo}
              onChange={set("referredTo")}
              error={errors.referredTo}
            />
          </div>
        ) : null}
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t("cases.access.save")}
        </button>
      </div>
    </form>
  );
}

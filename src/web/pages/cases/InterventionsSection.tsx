import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { CaseSection } from "./CaseSection.tsx";
import { base, type CaseFile, euro, formatDate, type SectionProps } from "./data.ts";
import { FormAlert } from "./FormAlert.tsx";
import { InterventionForm } from "./InterventionForm.tsx";

type Intervention = CaseFile["interventions"][number];
const STATUSES = ["planned", "active", "suspended", "ended", "cancelled"] as const;

/** Changes an intervention's status, end date or vouchers used (PATCH /interventions/:id). */
function InterventionUpdate({
  x,
  onDone,
  onReload,
}: {
  x: Intervention;
  onDone: () => Promise<unknown>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [v, setV] = useState({
    status: x.status,
    endDate: x.endDate ?? "",
    vouchersUsed: String(x.vouchersUsed ?? ""),
  });
  const save = useMutation({
    mutationFn: () =>
      api.patch(`${base(ambito.slug)}/interventions/${x.id}`, {
        status: v.status,
        ...(v.endDate ? { endDate: v.endDate } : {}),
        ...(v.vouchersUsed.trim() ? { vouchersUsed: Number(v.vouchersUsed) } : {}),
      }),
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="card card-bg p-3 my-2"
      aria-label={t("cases.intervention.editOf", { service: x.serviceName })}
    >
      <FormAlert error={save.error} onReload={onReload} />
      <div className="row">
        <div className="col-12 col-md-4">
          <SelectField
            id={`iv-${x.id}-status`}
            label={t("cases.intervention.statusLabel")}
            value={v.status}
            onChange={(s) => setV({ ...v, status: s as Intervention["status"] })}
            error={errors.status}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.intervention.status.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-6 col-md-4">
          <TextField
            id={`iv-${x.id}-end`}
            type="date"
            label={t("cases.intervention.end")}
            value={v.endDate}
            onChange={(e) => setV({ ...v, endDate: e })}
            error={errors.endDate}
          />
        </div>
        {x.vouchersIssued !== null ? (
          <div className="col-6 col-md-4">
            <TextField
              id={`iv-${x.id}-vouchers`}
              inputMode="numeric"
              label={t("cases.intervention.vouchersUsed", { issued: x.vouchersIssued })}
              value={v.vouchersUsed}
              onChange={(e) => setV({ ...v, vouchersUsed: e })}
              error={errors.vouchersUsed}
            />
          </div>
        ) : null}
      </div>
      <div>
        <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
          {t("cases.intervention.update")}
        </button>
      </div>
    </form>
  );
}

/** Interventions (erogazioni) with their cost shares; each can be updated as it runs and ends. */
export function InterventionsSection({ file, writable, refresh }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const lang = i18n.language;
  const editable = writable;
  const editingRow = file.interventions.find((x) => x.id === editing);
  return (
    <CaseSection
      id="interventions"
      title={t("cases.intervention.title")}
      {...(writable
        ? { action: adding ? t("common.cancel") : t("cases.add.intervention"), onAction: () => setAdding(!adding) }
        : {})}
    >
      {adding ? (
        <InterventionForm
          caseId={file.case.id}
          onDone={async () => {
            setAdding(false);
            await refresh();
          }}
        />
      ) : null}
      {file.interventions.length === 0 ? (
        <p>{t("cases.intervention.none")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t("cases.intervention.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.intervention.service")}</th>
                <th scope="col">{t("cases.intervention.period")}</th>
                <th scope="col">{t("cases.intervention.provider")}</th>
                <th scope="col" className="text-end">
                  {t("cases.intervention.amount")}
                </th>
                <th scope="col" className="text-end">
                  {t("cases.intervention.shareUser")}
                </th>
                <th scope="col">{t("cases.intervention.statusLabel")}</th>
                {editable ? <th scope="col">{t("cases.waiting.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {file.interventions.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    {x.serviceName} <small>({x.siussCode})</small>
                  </th>
                  <td>
                    {formatDate(x.startDate, lang)} – {x.endDate ? formatDate(x.endDate, lang) : "…"}
                  </td>
                  <td>{x.providerName ?? "—"}</td>
                  <td className="text-end">{euro(x.amountCents, lang)}</td>
                  <td className="text-end">{euro(x.shareUserCents, lang)}</td>
                  <td>{t(`cases.intervention.status.${x.status}`)}</td>
                  {editable ? (
                    <td>
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm py-0"
                        aria-expanded={editing === x.id}
                        aria-label={`${t("cases.intervention.edit")}: ${x.serviceName}`}
                        onClick={() => setEditing(editing === x.id ? null : x.id)}
                      >
                        {t("cases.intervention.edit")}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editingRow ? (
        <InterventionUpdate
          key={editingRow.id}
          x={editingRow}
          onDone={async () => {
            setEditing(null);
            await refresh();
          }}
          onReload={() => void refresh()}
        />
      ) : null}
    </CaseSection>
  );
}

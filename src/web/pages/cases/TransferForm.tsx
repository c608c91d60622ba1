import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { type CaseFile, useOptions } from "./data.ts";
import { ActionForm, useCaseAction } from "./LifecycleForms.tsx";

/**
 * Hands the case over to another Comune of the Ambito and one of its social workers. The form
 * says plainly what follows: the receiving Comune's service takes over and the sender loses access.
 */
export function TransferForm({
  file,
  onTransferred,
  onReload,
}: {
  file: CaseFile;
  /** Called with the receiving Comune's name: the sender no longer sees the case. */
  onTransferred: (toComune: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const names = comuneNames(useAmbitoDetail(ambito.slug).data);
  const workers = useOptions(ambito.slug).data?.workers ?? [];
  const [v, setV] = useState({ toComuneIstat: "", toUserId: "", reason: "" });
  const transfer = useCaseAction(file.case.id, "transfer", () => {
    onTransferred(names.get(v.toComuneIstat) ?? v.toComuneIstat);
    return undefined;
  });
  const errors = fieldErrorsOf(transfer.error, t);
  const comuni = [...names].filter(([code]) => code !== file.case.comuneIstat).sort((a, b) => a[1].localeCompare(b[1]));
  // Workers of the chosen Comune; a worker with no Comune works for the whole Ambito.
  const receivers = workers.filter(
    (w) => v.toComuneIstat && (w.comuni.length === 0 || w.comuni.includes(v.toComuneIstat)),
  );
  return (
    <ActionForm
      id="transfer-form"
      title={t("cases.lifecycle.transferTitle")}
      submit={t("cases.lifecycle.transferSubmit")}
      pending={transfer.isPending}
      error={transfer.error}
      onReload={onReload}
      onSubmit={() =>
        transfer.mutate({ toComuneIstat: v.toComuneIstat, toUserId: Number(v.toUserId) || 0, reason: v.reason })
      }
    >
      <p id="transfer-explain">{t("cases.lifecycle.transferExplain")}</p>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="transfer-comune"
            label={t("cases.lifecycle.toComune")}
            value={v.toComuneIstat}
            onChange={(x) => setV({ ...v, toComuneIstat: x, toUserId: "" })}
            error={errors.toComuneIstat}
          >
            <option value="">{t("cases.lifecycle.choose")}</option>
            {comuni.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="transfer-user"
            label={t("cases.lifecycle.toUser")}
            value={v.toUserId}
            onChange={(x) => setV({ ...v, toUserId: x })}
            error={errors.toUserId}
          >
            <option value="">
              {v.toComuneIstat && receivers.length === 0 ? t("cases.lifecycle.noWorker") : t("cases.lifecycle.choose")}
            </option>
            {receivers.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12">
          <TextField
            id="transfer-reason"
            label={t("cases.lifecycle.reason")}
            value={v.reason}
            onChange={(x) => setV({ ...v, reason: x })}
            error={errors.reason}
          />
        </div>
      </div>
    </ActionForm>
  );
}

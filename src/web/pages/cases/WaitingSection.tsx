import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { CaseSection } from "./CaseSection.tsx";
import { base, formatDate, type SectionProps, today, useOptions } from "./data.ts";
import { FormAlert } from "./FormAlert.tsx";
import { ActionForm, useCaseAction } from "./LifecycleForms.tsx";

const PRIORITIES = [1, 2, 3, 4, 5] as const;
const MOVES = { waiting: ["offered", "admitted", "withdrawn"], offered: ["admitted", "withdrawn"] } as const;

function WaitingForm({
  caseId,
  onDone,
  onReload,
}: {
  caseId: string;
  onDone: () => Promise<unknown>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const services = useOptions(ambito.slug).data?.serviceTypes ?? [];
  const [v, setV] = useState({ serviceTypeId: "", priority: "3", requestedOn: today(), note: "" });
  const add = useCaseAction(caseId, "waiting-list", onDone);
  const errors = fieldErrorsOf(add.error, t);
  return (
    <ActionForm
      id="waiting-form"
      title={t("cases.waiting.new")}
      submit={t("cases.waiting.save")}
      pending={add.isPending}
      error={add.error}
      onReload={onReload}
      onSubmit={() =>
        add.mutate({
          serviceTypeId: Number(v.serviceTypeId) || 0,
          priority: Number(v.priority),
          requestedOn: v.requestedOn,
          ...(v.note.trim() ? { note: v.note } : {}),
        })
      }
    >
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="waiting-service"
            label={t("cases.waiting.service")}
            value={v.serviceTypeId}
            onChange={(x) => setV({ ...v, serviceTypeId: x })}
            error={errors.serviceTypeId}
          >
            <option value="">{t("cases.lifecycle.choose")}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-6 col-md-3">
          <SelectField
            id="waiting-priority"
            label={t("cases.waiting.priority")}
            value={v.priority}
            onChange={(x) => setV({ ...v, priority: x })}
            error={errors.priority}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`cases.waiting.priorities.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-6 col-md-3">
          <TextField
            id="waiting-date"
            type="date"
            label={t("cases.waiting.requestedOn")}
            value={v.requestedOn}
            onChange={(x) => setV({ ...v, requestedOn: x })}
            error={errors.requestedOn}
            max={today()}
          />
        </div>
        <div className="col-12">
          <TextField
            id="waiting-note"
            label={t("cases.waiting.note")}
            value={v.note}
            onChange={(x) => setV({ ...v, note: x })}
            error={errors.note}
          />
        </div>
      </div>
    </ActionForm>
  );
}

/** The person's places in the services' waiting lists: position, priority, and the moves still possible. */
export function WaitingSection({ file, writable, refresh }: SectionProps) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const [open, setOpen] = useState(false);
  const move = useMutation({
    mutationFn: (m: { id: string; status: string }) =>
      api.patch(`${base(ambito.slug)}/waiting-list/${m.id}`, { status: m.status }),
    onSuccess: refresh,
  });
  return (
    <CaseSection
      id="waiting"
      title={t("cases.waiting.title")}
      {...(writable
        ? { action: open ? t("common.cancel") : t("cases.waiting.add"), onAction: () => setOpen(!open) }
        : {})}
    >
      {open ? (
        <WaitingForm
          caseId={file.case.id}
          onDone={async () => {
            setOpen(false);
            await refresh();
          }}
          onReload={() => void refresh()}
        />
      ) : null}
      <FormAlert error={move.error} onReload={() => void refresh()} />
      {file.waiting.length === 0 ? (
        <p>{t("cases.waiting.none")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t("cases.waiting.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.waiting.service")}</th>
                <th scope="col">{t("cases.waiting.requestedOn")}</th>
                <th scope="col">{t("cases.waiting.priority")}</th>
                <th scope="col">{t("cases.waiting.position")}</th>
                <th scope="col">{t("cases.waiting.statusLabel")}</th>
                {writable ? <th scope="col">{t("cases.waiting.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {file.waiting.map((w) => (
                <tr key={w.id}>
                  <th scope="row">{w.serviceName}</th>
                  <td>{formatDate(w.requestedOn, i18n.language)}</td>
                  <td>{t(`cases.waiting.priorities.${w.priority}`, { defaultValue: String(w.priority) })}</td>
                  <td>{w.position ?? "—"}</td>
                  <td>{t(`cases.waiting.status.${w.status}`, { defaultValue: w.status })}</td>
                  {writable ? (
                    <td>
                      <div className="d-flex flex-wrap gap-1">
                        {(MOVES[w.status as keyof typeof MOVES] ?? []).map((status) => (
                          <button
                            key={status}
                            type="button"
                            className="btn btn-outline-primary btn-sm py-0"
                            disabled={move.isPending}
                            onClick={() => move.mutate({ id: w.id, status })}
                            aria-label={`${t(`cases.waiting.moves.${status}`)}: ${w.serviceName}`}
                          >
                            {t(`cases.waiting.moves.${status}`)}
                          </button>
                        ))}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </CaseSection>
  );
}

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

const REFERRAL_STATUS = ["sent", "accepted", "refused", "completed"] as const;

function ReferralForm({
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
  const organisations = useOptions(ambito.slug).data?.organisations ?? [];
  const [v, setV] = useState({ toService: "", toOrgId: "", referredOn: today(), note: "" });
  const add = useCaseAction(caseId, "referrals", onDone);
  const errors = fieldErrorsOf(add.error, t);
  return (
    <ActionForm
      id="referral-form"
      title={t("cases.referrals.new")}
      submit={t("cases.referrals.save")}
      pending={add.isPending}
      error={add.error}
      onReload={onReload}
      onSubmit={() =>
        add.mutate({
          toService: v.toService,
          referredOn: v.referredOn,
          ...(v.toOrgId ? { toOrgId: Number(v.toOrgId) } : {}),
          ...(v.note.trim() ? { note: v.note } : {}),
        })
      }
    >
      <div className="row">
        <div className="col-12 col-md-8">
          <TextField
            id="referral-service"
            label={t("cases.referrals.toService")}
            hint={t("cases.referrals.toServiceHint")}
            value={v.toService}
            onChange={(x) => setV({ ...v, toService: x })}
            error={errors.toService}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="referral-date"
            type="date"
            label={t("cases.referrals.date")}
            value={v.referredOn}
            onChange={(x) => setV({ ...v, referredOn: x })}
            error={errors.referredOn}
            max={today()}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="referral-org"
            label={t("cases.referrals.provider")}
            value={v.toOrgId}
            onChange={(x) => setV({ ...v, toOrgId: x })}
            error={errors.toOrgId}
          >
            <option value="">{t("cases.referrals.noProvider")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="referral-note"
            label={t("cases.referrals.note")}
            value={v.note}
            onChange={(x) => setV({ ...v, note: x })}
            error={errors.note}
          />
        </div>
      </div>
    </ActionForm>
  );
}

/** Referrals to other services (CPS, SerD, consultorio, ETS…) with the answer received. */
export function ReferralsSection({ file, writable, refresh }: SectionProps) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const [open, setOpen] = useState(false);
  const answer = useMutation({
    mutationFn: (m: { id: string; status: string }) =>
      api.patch(`${base(ambito.slug)}/referrals/${m.id}`, { status: m.status }),
    onSuccess: refresh,
  });
  return (
    <CaseSection
      id="referrals"
      title={t("cases.referrals.title")}
      {...(writable
        ? { action: open ? t("common.cancel") : t("cases.referrals.add"), onAction: () => setOpen(!open) }
        : {})}
    >
      {open ? (
        <ReferralForm
          caseId={file.case.id}
          onDone={async () => {
            setOpen(false);
            await refresh();
          }}
          onReload={() => void refresh()}
        />
      ) : null}
      <FormAlert error={answer.error} onReload={() => void refresh()} />
      {file.referrals.length === 0 ? <p>{t("cases.referrals.none")}</p> : null}
      <ul className="list-unstyled">
        {file.referrals.map((r, i) => (
          <li key={r.id} className="mb-3">
            <p className="mb-1">
              <time dateTime={r.referredOn} className="fw-semibold me-2">
                {formatDate(r.referredOn, i18n.language)}
              </time>
              {r.toService}
              {r.note ? ` — ${r.note}` : ""}
            </p>
            {writable ? (
              <div style={{ maxWidth: "20rem" }}>
                <SelectField
                  id={`referral-status-${i}`}
                  label={t("cases.referrals.statusOf", { service: r.toService })}
                  value={r.status}
                  onChange={(status) => answer.mutate({ id: r.id, status })}
                >
                  {REFERRAL_STATUS.map((s) => (
                    <option key={s} value={s}>
                      {t(`cases.referrals.status.${s}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
            ) : (
              <p className="mb-0">{t(`cases.referrals.status.${r.status}`, { defaultValue: r.status })}</p>
            )}
          </li>
        ))}
      </ul>
    </CaseSection>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { type CaseFile, formatDate } from "./data.ts";
import { CloseForm, ReasonForm, TeamForm } from "./LifecycleForms.tsx";
import { StatusHistory } from "./StatusHistory.tsx";
import { TransferForm } from "./TransferForm.tsx";

type Action = "suspend" | "resume" | "close" | "reopen" | "transfer" | "team";

/**
 * The case at a glance and its lifecycle: suspend/resume, close with a reason, reopen, transfer,
 * équipe. Only the service in charge (Comune or équipe) may do these; a grant or an emergency
 * access only reads.
 */
export function CaseSummary(props: {
  file: CaseFile;
  refresh: () => Promise<unknown>;
  onTransferred: (toComune: string) => void;
}) {
  const { file } = props;
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const names = comuneNames(useAmbitoDetail(ambito.slug).data);
  const [action, setAction] = useState<Action | null>(null);
  const k = file.case;
  const lang = i18n.language;
  const manages = canAny(ambito, ["cases:write"]) && (file.access === "comune" || file.access === "team");
  const available: Action[] = !manages
    ? []
    : k.status === "closed"
      ? ["reopen"]
      : [k.status === "open" ? "suspend" : "resume", "close", "transfer", "team"];
  const done = async () => {
    setAction(null);
    await props.refresh();
  };
  const reload = () => void props.refresh();
  return (
    <section aria-labelledby="summary-title" className="mb-5">
      <h2 id="summary-title" className="visually-hidden">
        {t("cases.lifecycle.summary")}
      </h2>
      <dl className="row mb-3">
        <dt className="col-sm-3">{t("cases.fields.status")}</dt>
        <dd className="col-sm-9">
          {t(`cases.status.${k.status}`)}
          {k.status === "closed" && k.closureReason
            ? ` — ${formatDate(k.closedOn, lang)}, ${t(`cases.closure.${k.closureReason}`)}`
            : ""}
        </dd>
        <dt className="col-sm-3">{t("cases.fields.userArea")}</dt>
        <dd className="col-sm-9">{t(`cases.areas.${k.userArea}`)}</dd>
        <dt className="col-sm-3">{t("cases.fields.comune")}</dt>
        <dd className="col-sm-9">{names.get(k.comuneIstat) ?? k.comuneIstat}</dd>
        <dt className="col-sm-3">{t("cases.fields.level")}</dt>
        <dd className="col-sm-9">{t(`cases.levels.${k.level}`)}</dd>
        <dt className="col-sm-3">{t("cases.fields.openedOn")}</dt>
        <dd className="col-sm-9">{formatDate(k.openedOn, lang)}</dd>
        <dt className="col-sm-3">{t("cases.fields.team")}</dt>
        <dd className="col-sm-9">
          {k.team
            .map((m) => m.name + (m.role === "responsible" ? ` (${t("cases.fields.responsible")})` : ""))
            .join(", ")}
        </dd>
      </dl>
      {available.length ? (
        <div className="d-flex flex-wrap gap-2 mb-2">
          {available.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn btn-sm ${action === a ? "btn-primary" : "btn-outline-primary"}`}
              aria-expanded={action === a}
              onClick={() => setAction(action === a ? null : a)}
            >
              {t(`cases.lifecycle.${a}`)}
            </button>
          ))}
        </div>
      ) : null}
      {action === "close" ? <CloseForm file={file} onDone={done} onReload={reload} /> : null}
      {action === "reopen" || action === "suspend" || action === "resume" ? (
        <ReasonForm key={action} file={file} kind={action} onDone={done} onReload={reload} />
      ) : null}
      {action === "team" ? <TeamForm file={file} onDone={done} onReload={reload} /> : null}
      {action === "transfer" ? (
        <TransferForm file={file} onReload={reload} onTransferred={props.onTransferred} />
      ) : null}
      <StatusHistory file={file} />
    </section>
  );
}

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../components/TextField.tsx";

export interface AuditFilterValues {
  action: string;
  entityType: string;
  actorUserId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: "", entityType: "", actorUserId: "", from: "", to: "" };

/** The audit log filters; applied on submit. */
export function AuditFilters({
  value,
  onApply,
}: {
  value: AuditFilterValues;
  onApply: (v: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilterValues) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, action: draft.action.trim(), entityType: draft.entityType.trim() });
  };
  return (
    <form onSubmit={submit} aria-labelledby="audit-filters-title" className="mt-5" noValidate>
      <h2 id="audit-filters-title" className="h3 mb-4">
        {t("audit.filtersTitle")}
      </h2>
      <div className="row">
        <div className="col-12 col-md-6 col-lg-4">
          <TextField
            id="audit-action"
            label={t("audit.action")}
            hint={t("audit.actionHint")}
            value={draft.action}
            onChange={set("action")}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <TextField
            id="audit-entity"
            label={t("audit.entityType")}
            hint={t("audit.entityTypeHint")}
            value={draft.entityType}
            onChange={set("entityType")}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <TextField
            id="audit-actor"
            type="number"
            min={1}
            inputMode="numeric"
            label={t("audit.actorUserId")}
            value={draft.actorUserId}
            onChange={set("actorUserId")}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <TextField id="audit-from" type="date" label={t("audit.from")} value={draft.from} onChange={set("from")} />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <TextField id="audit-to" type="date" label={t("audit.to")} value={draft.to} onChange={set("to")} />
        </div>
      </div>
      <div className="d-flex gap-2 flex-wrap">
        <button type="submit" className="btn btn-primary">
          {t("audit.apply")}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t("audit.reset")}
        </button>
      </div>
    </form>
  );
}

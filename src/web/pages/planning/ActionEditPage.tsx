import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { Objective, PlanDocument } from "./data.ts";
import { EditorFrame } from "./EditorFrame.tsx";
import { useItemWrite } from "./edit-data.ts";
import { editErrorsOf } from "./edit-messages.ts";
import { opt } from "./fields.tsx";
import { PlanFrame } from "./PlanFrame.tsx";

type Plan = PlanDocument & { id: number; etag?: string };
type Action = PlanDocument["actions"][number];
const STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;

/** /…/obiettivi/:code/azioni/nuova and …/azioni/:action/modifica: an action with owner, schedule and status. */
export function ActionEditPage() {
  const { t } = useTranslation();
  const params = useParams();
  const objective = decodeURIComponent(params.code ?? "");
  const editing = params.action ? decodeURIComponent(params.action) : null;
  return (
    <PlanFrame view={editing ? t("planning.edit.actionEdit", { code: editing }) : t("planning.edit.actionNew")}>
      {(plan) => {
        const o = plan.objectives.find((x) => x.code === objective);
        const a = editing ? plan.actions.find((x) => x.code === editing) : undefined;
        if (!o || (editing && !a)) return <p>{t("errors.notFound")}</p>;
        return <ActionForm key={`${plan.id}-${editing ?? ""}`} plan={plan} o={o} a={a} />;
      }}
    </PlanFrame>
  );
}

function ActionForm({ plan, o, a }: { plan: Plan; o: Objective; a: Action | undefined }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const navigate = useNavigate();
  const { save, remove } = useItemWrite(ambito.slug, plan.id);
  const [etag] = useState(plan.etag);
  const [v, setV] = useState({
    code: a?.code ?? "",
    title: a?.title ?? "",
    owner: a?.owner ?? "",
    start: a?.start ?? "",
    end: a?.end ?? "",
    status: a?.status ?? "planned",
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...editErrorsOf(save.error, t), ...local };
  const set = (k: keyof typeof v) => (x: string) => setV((old) => ({ ...old, [k]: x }));
  const back = () =>
    navigate(`/a/${ambito.slug}/programmazione/piani/${plan.id}/obiettivi/${encodeURIComponent(o.code)}/`);

  const submit = () => {
    const code = v.code.trim();
    const found: Record<string, string> = {};
    if (!a && !code) found.code = t("errors.fields.required");
    else if (!a && plan.actions.some((x) => x.code === code)) found.code = t("planning.edit.codeTaken");
    setLocal(found);
    if (Object.keys(found).length) return;
    const body = {
      objective: o.code,
      title: v.title.trim(),
      owner: opt(v.owner),
      start: v.start || null,
      end: v.end || null,
      status: v.status,
    };
    save.mutate({ list: "actions", code: a?.code ?? code, body, etag }, { onSuccess: back });
  };
  return (
    <EditorFrame
      plan={plan}
      title={
        a
          ? t("planning.edit.actionEdit", { code: a.code })
          : t("planning.edit.actionNewFor", { objective: `${o.code} · ${o.title}` })
      }
      error={save.error ?? remove.error}
      pending={save.isPending || remove.isPending}
      onSubmit={submit}
      onCancel={back}
      onDelete={a ? () => remove.mutate({ list: "actions", code: a.code, etag }, { onSuccess: back }) : undefined}
    >
      <div className="row">
        <div className="col-md-3">
          <TextField
            id="action-code"
            label={t("planning.objective.code")}
            value={v.code}
            onChange={set("code")}
            error={errors.code}
            disabled={Boolean(a)}
            required
          />
        </div>
        <div className="col-md-9">
          <TextField
            id="action-title"
            label={t("planning.action.title")}
            value={v.title}
            onChange={set("title")}
            error={errors.title}
            required
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="action-owner"
            label={t("planning.action.owner")}
            value={v.owner}
            onChange={set("owner")}
            error={errors.owner}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="action-status"
            label={t("planning.action.status")}
            value={v.status}
            onChange={set("status")}
            error={errors.status}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`planning.actionStatus.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-6">
          <TextField
            id="action-start"
            type="date"
            label={t("planning.action.start")}
            value={v.start}
            onChange={set("start")}
            error={errors.start}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="action-end"
            type="date"
            label={t("planning.action.end")}
            value={v.end}
            onChange={set("end")}
            error={errors.end}
          />
        </div>
      </div>
    </EditorFrame>
  );
}

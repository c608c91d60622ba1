import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { CaseSection } from "./CaseSection.tsx";
import { base, daysUntil, formatDate, type SectionProps, type Task, today, useOptions } from "./data.ts";
import { FormAlert } from "./FormAlert.tsx";
import { ActionForm, useCaseAction } from "./LifecycleForms.tsx";

export const TASK_KINDS = ["follow_up", "review_due", "document_expiring", "other"] as const;

/** "Overdue" / "due today" / nothing: how urgent an open task is, shown next to its date. */
export function DueBadge({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.status !== "open") return null;
  const days = daysUntil(task.dueOn);
  if (days > 0) return null;
  return (
    <span className={`badge ms-2 ${days < 0 ? "bg-danger" : "bg-warning text-dark"}`}>
      {days < 0 ? t("cases.tasks.overdue") : t("cases.tasks.today")}
    </span>
  );
}

/** Marks one task done; the list refreshes through onDone. */
export function useTaskDone(onDone: () => Promise<unknown> | undefined) {
  const ambito = useAmbito();
  return useMutation({
    mutationFn: (id: string) => api.post(`${base(ambito.slug)}/tasks/${id}/done`),
    onSuccess: onDone,
  });
}

function TaskForm({
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
  const workers = useOptions(ambito.slug).data?.workers ?? [];
  const [v, setV] = useState({ kind: "follow_up", title: "", dueOn: today(), assignedTo: "" });
  const add = useCaseAction(caseId, "tasks", onDone);
  const errors = fieldErrorsOf(add.error, t);
  return (
    <ActionForm
      id="task-form"
      title={t("cases.tasks.new")}
      submit={t("cases.tasks.save")}
      pending={add.isPending}
      error={add.error}
      onReload={onReload}
      onSubmit={() =>
        add.mutate({
          kind: v.kind,
          title: v.title,
          dueOn: v.dueOn,
          ...(v.assignedTo ? { assignedTo: Number(v.assignedTo) } : {}),
        })
      }
    >
      <div className="row">
        <div className="col-12 col-md-8">
          <TextField
            id="task-title"
            label={t("cases.tasks.what")}
            value={v.title}
            onChange={(x) => setV({ ...v, title: x })}
            error={errors.title}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="task-due"
            type="date"
            label={t("cases.tasks.due")}
            value={v.dueOn}
            onChange={(x) => setV({ ...v, dueOn: x })}
            error={errors.dueOn}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="task-kind"
            label={t("cases.tasks.kind")}
            value={v.kind}
            onChange={(x) => setV({ ...v, kind: x })}
          >
            {TASK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`cases.tasks.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="task-assignee"
            label={t("cases.tasks.assignee")}
            value={v.assignedTo}
            onChange={(x) => setV({ ...v, assignedTo: x })}
            error={errors.assignedTo}
          >
            <option value="">{t("cases.tasks.me")}</option>
            {workers.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
    </ActionForm>
  );
}

/** Tasks and reminders of the case: open ones first, overdue flagged, each can be marked done. */
export function TasksSection({ file, writable, refresh }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const done = useTaskDone(refresh);
  return (
    <CaseSection
      id="tasks"
      title={t("cases.tasks.title")}
      {...(writable
        ? { action: open ? t("common.cancel") : t("cases.tasks.add"), onAction: () => setOpen(!open) }
        : {})}
    >
      {open ? (
        <TaskForm
          caseId={file.case.id}
          onDone={async () => {
            setOpen(false);
            await refresh();
          }}
          onReload={() => void refresh()}
        />
      ) : null}
      <FormAlert error={done.error} onReload={() => void refresh()} />
      {file.tasks.length === 0 ? <p>{t("cases.tasks.none")}</p> : null}
      <ul className="list-unstyled">
        {file.tasks.map((x) => (
          <li key={x.id} className="mb-2 d-flex flex-wrap align-items-center gap-2">
            <time dateTime={x.dueOn} className="fw-semibold">
              {formatDate(x.dueOn, i18n.language)}
            </time>
            <span>
              {x.title} ({t(`cases.tasks.kinds.${x.kind}`)}, {t(`cases.tasks.status.${x.status}`)})
            </span>
            <DueBadge task={x} />
            {x.status === "open" && writable ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm py-0"
                disabled={done.isPending}
                onClick={() => done.mutate(x.id)}
                aria-label={t("cases.tasks.markDoneOf", { title: x.title })}
              >
                {t("cases.tasks.markDone")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </CaseSection>
  );
}

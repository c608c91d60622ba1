import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { base, daysUntil, formatDate, type Task } from "./data.ts";
import { FormAlert } from "./FormAlert.tsx";
import { DueBadge, useTaskDone } from "./TasksSection.tsx";

/** How far ahead "due" looks: what needs doing this week. */
const DUE_WITHIN_DAYS = 7;

function TaskList({ id, title, tasks, empty }: { id: string; title: string; tasks: Task[]; empty: string }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const queryClient = useQueryClient();
  const done = useTaskDone(() => queryClient.invalidateQueries({ queryKey: ["my-tasks", ambito.slug] }));
  const writes = canAny(ambito, ["cases:write"]);
  return (
    <section aria-labelledby={`${id}-title`} className="mb-4">
      <h3 id={`${id}-title`} className="h5">
        {title}
      </h3>
      <FormAlert error={done.error} />
      {tasks.length === 0 ? <p>{empty}</p> : null}
      <ul className="list-unstyled">
        {tasks.map((task) => (
          <li key={task.id} className="mb-2 d-flex flex-wrap align-items-center gap-2">
            <time dateTime={task.dueOn} className="fw-semibold">
              {formatDate(task.dueOn, i18n.language)}
            </time>
            {task.caseId ? (
              <Link to={`/a/${ambito.slug}/cartella/casi/${task.caseId}`}>{task.title}</Link>
            ) : (
              <span>{task.title}</span>
            )}
            <DueBadge task={task} />
            {writes ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm py-0"
                disabled={done.isPending}
                onClick={() => done.mutate(task.id)}
                aria-label={t("cases.tasks.markDoneOf", { title: task.title })}
              >
                {t("cases.tasks.markDone")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The worker's open tasks split the way a week is planned: plan reviews due, what is overdue or
 * due within a week, and the rest later. Reviews come from the plans' next review dates.
 */
export function MyAgenda() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const tasks = useQuery({
    queryKey: ["my-tasks", ambito.slug],
    queryFn: () => api.get<{ items: Task[] }>(`${base(ambito.slug)}/tasks`),
  });
  if (tasks.isError) return <ErrorAlert error={tasks.error} />;
  const items = tasks.data?.items ?? [];
  const reviews = items.filter((x) => x.kind === "review_due" && daysUntil(x.dueOn) <= DUE_WITHIN_DAYS);
  const others = items.filter((x) => !reviews.includes(x));
  const due = others.filter((x) => daysUntil(x.dueOn) <= DUE_WITHIN_DAYS);
  const later = others.filter((x) => daysUntil(x.dueOn) > DUE_WITHIN_DAYS);
  return (
    <section aria-labelledby="my-tasks-title">
      <h2 id="my-tasks-title" className="h3">
        {t("cases.tasks.mine")}
      </h2>
      <TaskList id="due-tasks" title={t("cases.agenda.due")} tasks={due} empty={t("cases.agenda.noneDue")} />
      <TaskList
        id="due-reviews"
        title={t("cases.agenda.reviews")}
        tasks={reviews}
        empty={t("cases.agenda.noneReviews")}
      />
      <TaskList id="later-tasks" title={t("cases.agenda.later")} tasks={later} empty={t("cases.tasks.none")} />
    </section>
  );
}

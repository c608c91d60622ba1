import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { INBOX_KEY, type NotificationDto, useInbox } from "./data.ts";

const PAGE_SIZE = 20;

/** /notifiche: the signed-in user's notifications, newest first, each linking to its application. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [page, setPage] = useState(0);
  const inbox = useInbox(page + 1, PAGE_SIZE);
  const refresh = () => qc.invalidateQueries({ queryKey: INBOX_KEY });
  const readAll = useMutation({ mutationFn: () => api.post("/api/me/notifications/read-all"), onSuccess: refresh });
  const d = inbox.data;
  return (
    <>
      <PageHeader title={t("notifications.title")} lead={t("notifications.lead")} />
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <ErrorAlert error={inbox.error} /> : null}
      {readAll.isError ? <ErrorAlert error={readAll.error} /> : null}
      {d ? (
        <>
          <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
            <p className="mb-0" role="status" data-testid="unread-summary">
              {t("notifications.unread", { count: d.unread })}
            </p>
            {d.unread > 0 ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => readAll.mutate()}
                disabled={readAll.isPending}
              >
                {t("notifications.markAllRead")}
              </button>
            ) : null}
          </div>
          {d.items.length === 0 ? <p>{t("notifications.empty")}</p> : null}
          <ul className="list-unstyled" data-testid="notification-list">
            {d.items.map((n) => (
              <Item key={n.id} n={n} onRead={refresh} />
            ))}
          </ul>
          <Pager page={page} pageSize={PAGE_SIZE} total={d.total} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}

function Item({ n, onRead }: { n: NotificationDto; onRead: () => void }) {
  const { t, i18n } = useTranslation();
  const read = useMutation({ mutationFn: () => api.post(`/api/me/notifications/${n.id}/read`), onSuccess: onRead });
  const unread = n.readAt === null;
  const when = new Date(n.createdAt).toLocaleString(i18n.language === "en" ? "en-GB" : "it-IT", {
    dateStyle: "long",
    timeStyle: "short",
  });
  const params = { ...n.params, reason: n.params.reasonKind ? t(`notifications.reason.${n.params.reasonKind}`) : "" };
  return (
    <li className={`border-bottom py-3${unread ? " fw-semibold" : ""}`} data-testid="notification" data-kind={n.kind}>
      {unread ? <span className="badge bg-primary me-2">{t("notifications.new")}</span> : null}
      <span>{t(`notifications.kind.${n.kind}`, params)}</span>
      <div className="small fw-normal">
        <time dateTime={n.createdAt}>{when}</time>
        {n.link ? (
          <Link className="ms-3" to={n.link} onClick={() => unread && read.mutate()}>
            {t("notifications.open")}
            <span className="visually-hidden">: {n.params.callTitle}</span>
          </Link>
        ) : null}
        {unread ? (
          <button
            type="button"
            className="btn btn-link btn-sm ms-3 p-0 align-baseline"
            onClick={() => read.mutate()}
            disabled={read.isPending}
          >
            {t("notifications.markRead")}
            <span className="visually-hidden">: {n.params.callTitle}</span>
          </button>
        ) : null}
      </div>
    </li>
  );
}

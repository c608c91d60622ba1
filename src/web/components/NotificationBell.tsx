import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useInbox } from "../pages/notifications/data.ts";
import { Icon } from "./Icon.tsx";

/** The signed-in user's inbox link in the slim header; its name says how many are unread. */
export function NotificationBell() {
  const { t } = useTranslation();
  // One row is enough: the answer carries the unread count. Refreshed each minute.
  const inbox = useInbox(1, 1, 60_000);
  const unread = inbox.data?.unread ?? 0;
  return (
    <Link
      to="/notifiche"
      className="btn btn-primary btn-icon btn-sm me-2 position-relative notification-bell"
      aria-label={t("notifications.bell", { count: unread })}
      data-testid="notification-bell"
    >
      <Icon name="mail" className="icon-white" />
      {unread > 0 ? (
        <span className="badge bg-white text-primary ms-1" aria-hidden="true" data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

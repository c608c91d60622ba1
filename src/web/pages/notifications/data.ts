import { useQuery } from "@tanstack/react-query";
import type { InboxDto, NotificationDto } from "../../../server/modules/notifications/notifications.contracts.ts";
import { api } from "../../api.ts";

export type { InboxDto, NotificationDto };

/** Every inbox query shares this prefix, so marking read refreshes the bell and the page together. */
export const INBOX_KEY = ["notifications"] as const;

export const useInbox = (page: number, pageSize: number, refetchInterval?: number) =>
  useQuery({
    queryKey: [...INBOX_KEY, page, pageSize],
    queryFn: () => api.get<InboxDto>("/api/me/notifications", { page, pageSize }),
    refetchInterval,
  });

import { useTranslation } from "react-i18next";

const CLASS: Record<string, string> = {
  ok: "bg-success",
  spent: "bg-success",
  at_risk: "bg-warning text-dark",
  expired: "bg-danger",
  no_deadline: "bg-secondary",
};

/** A fund assignment's status in words (colour is never the only cue). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${CLASS[status] ?? "bg-secondary"}`}>{t(`budget.funds.statuses.${status}`)}</span>;
}

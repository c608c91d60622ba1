import { useTranslation } from "react-i18next";
import type { Status } from "./data.ts";

const CLASS: Record<Status, string> = {
  on_track: "bg-success",
  achieved: "bg-primary",
  at_risk: "bg-warning text-dark",
  late: "bg-danger",
  no_data: "bg-secondary",
};

/** Monitoring status as a badge with its word (colour is never the only cue). */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`badge ${CLASS[status]}`}>{t(`planning.status.${status}`)}</span>;
}

/** A progress bar with its value as text for screen readers and sighted users alike. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  if (value == null) return <span>—</span>;
  const pct = Math.round(value * 100);
  return (
    <div className="d-flex align-items-center gap-2">
      <div className="progress flex-grow-1" style={{ minWidth: "6rem", height: "0.75rem" }}>
        <div
          className="progress-bar bg-primary"
          role="progressbar"
          aria-label={label}
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
          style={{ width: `${pct}%` }}
        />
      </div>
      <span className="small">{pct}%</span>
    </div>
  );
}

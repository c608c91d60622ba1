import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { type CaseFile, formatDate } from "./data.ts";

const CLOSURE_REASON = /^[a-z_]+$/;

/** Status changes (opening, suspension, closure, reopening) and transfers between Comuni, in time order. */
export function StatusHistory({ file }: { file: CaseFile }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const names = comuneNames(useAmbitoDetail(ambito.slug).data);
  const lang = i18n.language;
  const comune = (code: string) => names.get(code) ?? code;
  // A closure stores its reason code; the other changes store the worker's words.
  const reasonText = (to: string, reason: string | null) =>
    reason && to === "closed" && CLOSURE_REASON.test(reason)
      ? t(`cases.closure.${reason}`, { defaultValue: reason })
      : (reason ?? "—");
  const rows = [
    ...file.case.history.map((h, i) => ({
      key: `s${i}`,
      at: h.at,
      change: `${h.fromStatus ? `${t(`cases.status.${h.fromStatus}`)} → ` : ""}${t(`cases.status.${h.toStatus}`)}`,
      reason: reasonText(h.toStatus, h.reason),
      by: h.byName ?? "—",
    })),
    ...file.case.transfers.map((x, i) => ({
      key: `t${i}`,
      at: x.at,
      change: t("cases.lifecycle.transferred", { from: comune(x.fromComuneIstat), to: comune(x.toComuneIstat) }),
      reason: x.reason,
      by: "—",
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <details className="mt-3">
      <summary>{t("cases.lifecycle.history")}</summary>
      <div className="table-responsive mt-2">
        <table className="table table-sm">
          <caption className="visually-hidden">{t("cases.lifecycle.history")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cases.lifecycle.when")}</th>
              <th scope="col">{t("cases.lifecycle.change")}</th>
              <th scope="col">{t("cases.lifecycle.reason")}</th>
              <th scope="col">{t("cases.lifecycle.by")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{formatDate(r.at, lang)}</td>
                <th scope="row">{r.change}</th>
                <td className="text-break">{r.reason}</td>
                <td>{r.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

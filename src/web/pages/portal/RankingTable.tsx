import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import type { RankingDto } from "./data.ts";
import { dateText, euro } from "./format.ts";

/** The graduatoria: rank, pseudonymised id, score, outcome and amount; the back office adds the protocol. */
export function RankingTable({ ranking, protocol = false }: { ranking: RankingDto; protocol?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p>
        {t("portal.ranking.summary", {
          funded: ranking.fundedCount,
          waiting: ranking.waitingCount,
          amount: euro(ranking.fundedCents, i18n.language),
          budget:
            ranking.budgetCents === null ? t("portal.call.budgetUnknown") : euro(ranking.budgetCents, i18n.language),
        })}{" "}
        {ranking.publishedAt
          ? t("portal.ranking.published", { date: dateText(ranking.publishedAt, i18n.language) })
          : t("portal.ranking.notPublished")}
      </p>
      <ScrollTable label={t("portal.ranking.title")}>
        <table className="table table-striped" data-testid="ranking-table">
          <caption>{t("portal.ranking.caption", { title: ranking.callTitle })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("portal.ranking.rank")}</th>
              <th scope="col">{t("portal.ranking.id")}</th>
              {protocol ? <th scope="col">{t("portal.apply.protocol")}</th> : null}
              <th scope="col" className="text-end">
                {t("portal.ranking.score")}
              </th>
              <th scope="col">{t("portal.ranking.outcome")}</th>
              <th scope="col" className="text-end">
                {t("portal.ranking.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((r) => (
              <tr key={r.rank}>
                <td>{r.rank}</td>
                <th scope="row">{r.pseudoId}</th>
                {protocol ? <td>{r.protocolNumber}</td> : null}
                <td className="text-end">{r.score.toLocaleString(i18n.language)}</td>
                <td>{t(`portal.ranking.outcomes.${r.outcome}`)}</td>
                <td className="text-end">{euro(r.fundedCents, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

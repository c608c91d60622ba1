import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import type { PlanDocument } from "./data.ts";
import { useLepsList } from "./governance.data.ts";
import { PlanFrame } from "./PlanFrame.tsx";

/** /a/:ambito/programmazione/piani/:id/leps: the national LEPS, the plan's status and objectives for each. */
export function LepsPage() {
  const { t } = useTranslation();
  return <PlanFrame view={t("planning.leps.tab")}>{(plan) => <LepsTable plan={plan} />}</PlanFrame>;
}

function LepsTable({ plan }: { plan: PlanDocument & { id: number } }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const list = useLepsList(ambito.slug);
  const root = `/a/${ambito.slug}/programmazione/piani/${plan.id}/obiettivi`;
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const status = new Map(plan.leps.map((l) => [l.leps, l]));
  // An objective addresses a LEPS when the LEPS sheet names it or the objective lists the LEPS.
  const objectivesOf = (code: string) => {
    const codes = new Set(status.get(code)?.objectives ?? []);
    for (const o of plan.objectives) if (o.leps.includes(code)) codes.add(o.code);
    return plan.objectives.filter((o) => codes.has(o.code));
  };
  return (
    <>
      <p>{t("planning.leps.lead")}</p>
      <ScrollTable label={t("planning.leps.caption")}>
        <table className="table" data-testid="leps-table">
          <caption>{t("planning.leps.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planning.leps.leps")}</th>
              <th scope="col">{t("planning.leps.norm")}</th>
              <th scope="col">{t("planning.leps.status")}</th>
              <th scope="col">{t("planning.leps.objectives")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((l) => {
              const s = status.get(l.code);
              const objectives = objectivesOf(l.code);
              return (
                <tr key={l.code}>
                  <th scope="row">
                    {l.code} · {l.title}
                    {l.target ? <div className="small fw-normal">{l.target}</div> : null}
                  </th>
                  <td className="small">{l.norm}</td>
                  <td>
                    {s ? t(`planning.leps.statusName.${s.status}`) : t("planning.leps.notInPlan")}
                    {s?.note ? <div className="small">{s.note}</div> : null}
                  </td>
                  <td>
                    {objectives.length ? (
                      <ul className="list-unstyled mb-0">
                        {objectives.map((o) => (
                          <li key={o.code}>
                            <Link to={`${root}/${encodeURIComponent(o.code)}/`}>
                              {o.code} · {o.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

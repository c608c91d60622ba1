import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import type { PlanDocument } from "./data.ts";
import { PlanFrame } from "./PlanFrame.tsx";

const AT = [1, 2, 3, 4, 5, 6, 7];
const LI = [1, 2, 3, 4, 5, 6];

/** /a/:ambito/programmazione/piani/:id/asst: social-health integration sheets and the AT × LI matrix. */
export function AsstPage() {
  const { t } = useTranslation();
  return <PlanFrame view={t("planning.tabs.asst")}>{(plan) => <Sheets plan={plan} />}</PlanFrame>;
}

function Sheets({ plan }: { plan: PlanDocument }) {
  const { t } = useTranslation();
  if (!plan.asstSheets.length) return <p>{t("planning.asst.none")}</p>;
  return (
    <>
      <h2 className="h4">{t("planning.asst.matrix")}</h2>
      <ScrollTable label={t("planning.asst.matrix")}>
        <table className="table table-bordered" data-testid="asst-matrix">
          <caption>{t("planning.asst.matrixCaption")}</caption>
          <thead>
            <tr>
              <td />
              {LI.map((l) => (
                <th scope="col" key={l} className="text-center">
                  LI{l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {AT.map((a) => (
              <tr key={a}>
                <th scope="row">AT{a}</th>
                {LI.map((l) => {
                  const sheets = plan.asstSheets.filter((s) => s.matrix.includes(`AT${a}xLI${l}`)).map((s) => s.code);
                  return (
                    <td key={l} className="text-center">
                      {sheets.join(", ")}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h2 className="h4 mt-4">{t("planning.asst.sheets", { count: plan.asstSheets.length })}</h2>
      {plan.asstSheets.map((s) => (
        <section key={s.code} className="mb-3" aria-labelledby={`asst-${s.code}`}>
          <h3 className="h5" id={`asst-${s.code}`}>
            {s.code}. {s.title}
          </h3>
          <dl className="row">
            <dt className="col-sm-3">{t("planning.asst.target")}</dt>
            <dd className="col-sm-9">{s.targetGroup ?? "—"}</dd>
            <dt className="col-sm-3">{t("planning.asst.level")}</dt>
            <dd className="col-sm-9">{s.level ?? "—"}</dd>
            <dt className="col-sm-3">{t("planning.asst.years")}</dt>
            <dd className="col-sm-9">
              {s.startYear ?? "—"}-{s.endYear ?? "—"}
            </dd>
            <dt className="col-sm-3">{t("planning.asst.output")}</dt>
            <dd className="col-sm-9">{s.outputIndicator ?? "—"}</dd>
            <dt className="col-sm-3">{t("planning.asst.outcome")}</dt>
            <dd className="col-sm-9">{s.outcomeIndicator ?? "—"}</dd>
          </dl>
        </section>
      ))}
    </>
  );
}

import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { DEFAULT_AMBITO, useAmbiti, useCalls } from "./data.ts";
import { dateText, euro } from "./format.ts";

/** /bandi and /bandi/:ambito: the Ambito's calls with their state, deadline and budget. */
export function CallsPage() {
  const { t, i18n } = useTranslation();
  const { ambito = DEFAULT_AMBITO } = useParams();
  const navigate = useNavigate();
  const ambiti = useAmbiti();
  const calls = useCalls(ambito);
  return (
    <>
      <PageHeader title={t("portal.calls.title")} lead={t("portal.calls.lead")} />
      <div className="col-md-6">
        <SelectField
          id="calls-ambito"
          label={t("portal.search.ambito")}
          value={ambito}
          onChange={(v) => navigate(`/bandi/${v}`)}
        >
          {(ambiti.data ?? [{ slug: DEFAULT_AMBITO, name: DEFAULT_AMBITO }]).map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </SelectField>
      </div>
      {calls.isPending ? <Loading /> : null}
      {calls.isError ? <ErrorAlert error={calls.error} /> : null}
      {calls.data?.length === 0 ? <p>{t("portal.calls.none")}</p> : null}
      <ul className="list-unstyled">
        {calls.data?.map((c) => (
          <li key={c.code} className="border-bottom py-3">
            <h2 className="h5 mb-1">
              <Link to={`/bandi/${ambito}/${c.code}`}>{c.title}</Link>
            </h2>
            <div className="small">
              <span className={`badge me-2 ${c.acceptsApplications ? "bg-success" : "bg-secondary"}`}>
                {t(`portal.callStatus.${c.acceptsApplications ? "open" : c.status === "open" ? "closed" : c.status}`)}
              </span>
              {t("portal.calls.deadline", { date: dateText(c.deadline, i18n.language) })}
              {c.budgetCents !== null
                ? ` · ${t("portal.calls.budget", { amount: euro(c.budgetCents, i18n.language) })}`
                : ""}
              {c.rankingPublishedAt ? (
                <>
                  {" · "}
                  <Link to={`/bandi/${ambito}/${c.code}/graduatoria`}>{t("portal.calls.ranking")}</Link>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

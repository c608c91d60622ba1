import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { DEFAULT_AMBITO, type FitResponse, USER_AREAS, useAmbiti, useComuni } from "./data.ts";
import { EvaluationView } from "./EvaluationView.tsx";
import { type FactField, FactsForm, type RawFacts, toFacts } from "./FactsForm.tsx";
import { ServiceList } from "./ServiceList.tsx";

const QUESTIONS: FactField[] = [
  "age",
  "isee_cents",
  "resident_in_ambito",
  "residence_months",
  "disability",
  "housing",
  "minors_in_household",
];

/** /servizi/orientamento: "which services may fit me", from a few answers; nothing is stored. */
export function FitPage() {
  const { t } = useTranslation();
  const [ambito, setAmbito] = useState(DEFAULT_AMBITO);
  const [area, setArea] = useState("");
  const [comune, setComune] = useState("");
  const [raw, setRaw] = useState<RawFacts>({});
  const [errors, setErrors] = useState<ReturnType<typeof toFacts>["errors"]>({});
  const ambiti = useAmbiti();
  const comuni = useComuni(ambito);
  const fit = useMutation({
    mutationFn: (body: object) => api.post<FitResponse>("/api/public/fit", body),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { facts, errors: found } = toFacts(raw);
    setErrors(found);
    if (Object.keys(found).length) return;
    fit.mutate({ ambito, area: area || undefined, comune: comune || undefined, facts });
  };
  return (
    <>
      <PageHeader title={t("portal.fit.title")} lead={t("portal.fit.lead")} />
      <p className="alert alert-info">{t("portal.fit.privacy")}</p>
      <form onSubmit={submit} noValidate>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="fit-ambito"
              label={t("portal.search.ambito")}
              value={ambito}
              onChange={(v) => {
                setAmbito(v);
                setComune("");
              }}
            >
              {(ambiti.data ?? [{ slug: DEFAULT_AMBITO, name: DEFAULT_AMBITO }]).map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <SelectField id="fit-area" label={t("portal.fit.need")} value={area} onChange={setArea}>
              <option value="">{t("portal.search.anyArea")}</option>
              {USER_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`portal.areas.${a}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <SelectField id="fit-comune" label={t("portal.search.comune")} value={comune} onChange={setComune}>
              <option value="">{t("portal.search.anyComune")}</option>
              {(comuni.data ?? []).map((c) => (
                <option key={c.istat} value={c.istat}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        <FactsForm fields={QUESTIONS} value={raw} onChange={setRaw} errors={errors} idPrefix="fit" />
        <button type="submit" className="btn btn-primary" disabled={fit.isPending}>
          {t("portal.fit.submit")}
        </button>
      </form>
      {fit.isError ? <ErrorAlert error={fit.error} /> : null}
      {fit.data ? (
        <div className="mt-4">
          <h2 className="h4">{t("portal.fit.calls")}</h2>
          {fit.data.calls.length === 0 ? <p>{t("portal.fit.noCalls")}</p> : null}
          {fit.data.calls.map((c) => (
            <section key={c.code} className="mb-4" aria-label={c.title}>
              <h3 className="h5">
                <Link to={`/bandi/${ambito}/${c.code}`}>{c.title}</Link>
              </h3>
              <EvaluationView evaluation={c.evaluation} />
            </section>
          ))}
          <h2 className="h4">{t("portal.fit.services", { count: fit.data.services.length })}</h2>
          <ServiceList items={fit.data.services} />
        </div>
      ) : null}
    </>
  );
}

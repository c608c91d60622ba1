import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { DEFAULT_AMBITO, USER_AREAS, useAmbiti, useComuni, useSearch } from "./data.ts";
import { PlacesMap } from "./PlacesMap.tsx";
import { ServiceList } from "./ServiceList.tsx";

/** /servizi: search the public catalogue by need (area), place, age and keyword; list and map. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = {
    ambito: params.get("ambito") ?? DEFAULT_AMBITO,
    q: params.get("q") ?? "",
    area: params.get("area") ?? "",
    comune: params.get("comune") ?? "",
    age: params.get("eta") ?? "",
  };
  const [form, setForm] = useState(current);
  const ambiti = useAmbiti();
  const comuni = useComuni(form.ambito);
  const ageError = form.age && !/^\d{1,3}$/.test(form.age) ? t("portal.search.ageError") : undefined;
  const results = useSearch({
    ambito: current.ambito,
    q: current.q || undefined,
    area: current.area || undefined,
    comune: current.comune || undefined,
    age: current.age || undefined,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ageError) return;
    const next = new URLSearchParams();
    next.set("ambito", form.ambito);
    if (form.q) next.set("q", form.q);
    if (form.area) next.set("area", form.area);
    if (form.comune) next.set("comune", form.comune);
    if (form.age) next.set("eta", form.age);
    setParams(next);
  };

  return (
    <>
      <PageHeader title={t("portal.search.title")} lead={t("portal.search.lead")} />
      <form onSubmit={submit} className="mb-4" aria-label={t("portal.search.formLabel")}>
        <div className="row">
          <div className="col-md-6">
            <SelectField
              id="ambito"
              label={t("portal.search.ambito")}
              value={form.ambito}
              onChange={(v) => setForm({ ...form, ambito: v, comune: "" })}
            >
              {(ambiti.data ?? [{ slug: DEFAULT_AMBITO, name: DEFAULT_AMBITO, services: 0 }]).map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-6">
            <TextField
              id="q"
              label={t("portal.search.keyword")}
              value={form.q}
              onChange={(v) => setForm({ ...form, q: v })}
              hint={t("portal.search.keywordHint")}
              type="search"
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="area"
              label={t("portal.search.area")}
              value={form.area}
              onChange={(v) => setForm({ ...form, area: v })}
            >
              <option value="">{t("portal.search.anyArea")}</option>
              {USER_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`portal.areas.${a}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <SelectField
              id="comune"
              label={t("portal.search.comune")}
              value={form.comune}
              onChange={(v) => setForm({ ...form, comune: v })}
            >
              <option value="">{t("portal.search.anyComune")}</option>
              {(comuni.data ?? []).map((c) => (
                <option key={c.istat} value={c.istat}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <TextField
              id="eta"
              label={t("portal.search.age")}
              value={form.age}
              onChange={(v) => setForm({ ...form, age: v })}
              error={ageError}
              inputMode="numeric"
              hint={t("portal.search.ageHint")}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary">
          {t("portal.search.submit")}
        </button>
      </form>
      <section aria-labelledby="results-title">
        <h2 id="results-title" className="h4" aria-live="polite">
          {results.data ? t("portal.search.results", { count: results.data.total }) : t("portal.search.resultsTitle")}
        </h2>
        {results.isPending ? <Loading /> : null}
        {results.isError ? <ErrorAlert error={results.error} /> : null}
        {results.data?.total === 0 ? <p>{t("portal.search.none")}</p> : null}
        {results.data?.items.length ? (
          <>
            <ServiceList items={results.data.items} />
            {results.data.total > results.data.items.length ? (
              <p className="small">
                {t("portal.search.more", { shown: results.data.items.length, total: results.data.total })}
              </p>
            ) : null}
            <h2 className="h4 mt-4">{t("portal.map.heading")}</h2>
            <PlacesMap places={results.data.items} />
          </>
        ) : null}
      </section>
    </>
  );
}

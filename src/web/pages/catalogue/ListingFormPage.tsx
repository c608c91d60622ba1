import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError, api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { USER_AREAS, useComuni } from "../portal/data.ts";

const int = (s: string) => (s.trim() === "" ? null : Number(s));

/** /a/:ambito/offerta/catalogo/nuovo: a provider's new listing (a draft until the Ambito approves it). */
export function ListingFormPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const navigate = useNavigate();
  const providers = useQuery({
    queryKey: ["offerta", "providers", ambito.slug],
    queryFn: () =>
      api.get<{ id: number; name: string; kind: string }[]>(`/api/ambiti/${ambito.slug}/catalogue/providers`),
  });
  const comuni = useComuni(ambito.slug);
  const [f, setF] = useState({
    name: "",
    kind: "service",
    userArea: "famiglia_minori",
    description: "",
    ageMin: "",
    ageMax: "",
    capacity: "",
    howToAccess: "",
    keywords: "",
    providerId: "",
    address: "",
    comuneIstat: "",
    openingHours: "",
  });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const save = useMutation({
    mutationFn: (body: object) => api.post(`/api/ambiti/${ambito.slug}/catalogue/listings`, body),
    onSuccess: () => navigate(`/a/${ambito.slug}/offerta`),
  });
  const errors = save.error instanceof ApiError ? save.error.fieldMap() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      name: f.name,
      kind: f.kind,
      userArea: f.userArea,
      description: f.description,
      ageMin: int(f.ageMin),
      ageMax: int(f.ageMax),
      capacity: int(f.capacity),
      howToAccess: f.howToAccess || null,
      keywords: f.keywords,
      providerId: f.providerId ? Number(f.providerId) : undefined,
      location:
        f.address && f.comuneIstat
          ? { address: f.address, comuneIstat: f.comuneIstat, openingHours: f.openingHours || null }
          : undefined,
    });
  };
  return (
    <>
      <PageHeader
        title={t("catalogue.form.title")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("catalogue.title"), to: `/a/${ambito.slug}/offerta` },
        ]}
        lead={t("catalogue.form.lead")}
      />
      <form onSubmit={submit} noValidate>
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="l-name"
              label={t("catalogue.listings.name")}
              value={f.name}
              onChange={set("name")}
              error={errors.name}
              required
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="l-provider"
              label={t("portal.service.provider")}
              value={f.providerId}
              onChange={set("providerId")}
              error={errors.providerId}
            >
              <option value="">{t("catalogue.form.ownProvider")}</option>
              {(providers.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-6">
            <SelectField id="l-kind" label={t("catalogue.form.kind")} value={f.kind} onChange={set("kind")}>
              {["unit", "service", "measure"].map((k) => (
                <option key={k} value={k}>
                  {t(`portal.kinds.${k}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-6">
            <SelectField id="l-area" label={t("portal.service.area")} value={f.userArea} onChange={set("userArea")}>
              {USER_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`portal.areas.${a}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-12">
            <TextField
              id="l-description"
              label={t("catalogue.form.description")}
              value={f.description}
              onChange={set("description")}
              error={errors.description}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="l-agemin"
              label={t("catalogue.form.ageMin")}
              value={f.ageMin}
              onChange={set("ageMin")}
              error={errors.ageMin}
              inputMode="numeric"
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="l-agemax"
              label={t("catalogue.form.ageMax")}
              value={f.ageMax}
              onChange={set("ageMax")}
              error={errors.ageMax}
              inputMode="numeric"
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="l-capacity"
              label={t("portal.service.capacity")}
              value={f.capacity}
              onChange={set("capacity")}
              error={errors.capacity}
              inputMode="numeric"
            />
          </div>
          <div className="col-12">
            <TextField
              id="l-access"
              label={t("portal.service.howToAccess")}
              value={f.howToAccess}
              onChange={set("howToAccess")}
            />
          </div>
          <div className="col-12">
            <TextField
              id="l-keywords"
              label={t("catalogue.form.keywords")}
              value={f.keywords}
              onChange={set("keywords")}
              hint={t("catalogue.form.keywordsHint")}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="l-address"
              label={t("catalogue.form.address")}
              value={f.address}
              onChange={set("address")}
              error={errors["location.address"]}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="l-comune"
              label={t("portal.search.comune")}
              value={f.comuneIstat}
              onChange={set("comuneIstat")}
              error={errors["location.comuneIstat"]}
            >
              <option value="">—</option>
              {(comuni.data ?? []).map((c) => (
                <option key={c.istat} value={c.istat}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-12">
            <TextField
              id="l-hours"
              label={t("portal.service.hours")}
              value={f.openingHours}
              onChange={set("openingHours")}
            />
          </div>
        </div>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t("catalogue.form.save")}
        </button>
      </form>
    </>
  );
}

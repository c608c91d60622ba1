import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { PersonDto } from "../../../shared/contracts/people.ts";
import { fiscalCodeProblem } from "../../../shared/fiscal-code.ts";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Icon } from "../../components/Icon.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { TextField } from "../../components/TextField.tsx";
import { EmergencyAccess } from "../cases/EmergencyAccess.tsx";
import { MyWork } from "../cases/MyWork.tsx";
import { PeopleTable } from "./PeopleTable.tsx";

const PAGE_SIZE = 25;

interface Lookup {
  found: boolean;
  id: string | null;
  comuneIstat: string | null;
  accessible: boolean;
}

/** Cartella sociale: search the registry, the worker's cases and tasks (every read is audited). */
export function PeoplePage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const navigate = useNavigate();
  const canRead = canAny(ambito, ["people:read"]);
  const canWrite = canAny(ambito, ["people:write"]);
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(0);
  const people = useQuery({
    queryKey: ["people", ambito.slug, q, page],
    queryFn: () =>
      api.get<{ items: PersonDto[]; total: number; totalCapped?: boolean }>(`/api/ambiti/${ambito.slug}/people`, {
        q,
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      }),
    enabled: canRead,
    placeholderData: keepPreviousData,
  });
  // A codice fiscale not found among the caller's people may belong to another Comune's file.
  const isCode = q.length === 16 && fiscalCodeProblem(q) === null;
  const lookup = useQuery({
    queryKey: ["people-lookup", ambito.slug, q],
    queryFn: () => api.get<Lookup>(`/api/ambiti/${ambito.slug}/people/lookup`, { fiscalCode: q }),
    enabled: canRead && isCode && people.data?.total === 0,
  });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
    setPage(0);
  };
  const elsewhere = lookup.data?.found && !lookup.data.accessible ? lookup.data : null;

  return (
    <>
      <PageHeader
        title={t("people.title")}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
        lead={t("people.lead")}
      />
      {canRead ? (
        <>
          <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-4">
            <h2 className="h3 mb-0">{t("people.registry")}</h2>
            {canWrite ? (
              <Link to={`/a/${ambito.slug}/cartella/persone/nuova`} className="btn btn-primary">
                {t("cases.person.new")}
              </Link>
            ) : null}
          </div>
          <form onSubmit={onSearch} className="row g-2">
            <div className="col-12 col-md-8">
              <TextField
                id="people-q"
                type="search"
                label={t("people.searchLabel")}
                hint={t("cases.person.searchHint")}
                value={search}
                onChange={setSearch}
                autoComplete="off"
              />
            </div>
            <div className="col-12 col-md-4">
              <button type="submit" className="btn btn-outline-primary">
                <Icon name="search" className="icon-primary me-1" />
                {t("common.search")}
              </button>
            </div>
          </form>
          {people.isPending ? <Loading /> : null}
          {people.isError ? <ErrorAlert error={people.error} /> : null}
          {elsewhere?.id ? (
            <div className="callout warning" role="status">
              <h3 className="callout-title h5">{t("cases.person.elsewhereTitle")}</h3>
              <p>{t("cases.person.elsewhere")}</p>
              <EmergencyAccess
                personId={elsewhere.id}
                onOpened={() => navigate(`/a/${ambito.slug}/cartella/persone/${elsewhere.id}`)}
              />
            </div>
          ) : null}
          {people.data ? (
            <>
              <PeopleTable
                people={people.data.items}
                total={people.data.total}
                capped={people.data.totalCapped === true}
              />
              <Pager page={page} pageSize={PAGE_SIZE} total={people.data.total} onPage={setPage} />
            </>
          ) : null}
          {canAny(ambito, ["cases:read"]) ? <MyWork /> : null}
        </>
      ) : (
        <div className="callout">
          <h2 className="callout-title h5">{t("module.coming")}</h2>
          <p>{t("sections.casework.description")}</p>
        </div>
      )}
    </>
  );
}

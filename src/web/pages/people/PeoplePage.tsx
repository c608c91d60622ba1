import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonDto } from "../../../shared/contracts/people.ts";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Icon } from "../../components/Icon.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { TextField } from "../../components/TextField.tsx";
import { PeopleTable } from "./PeopleTable.tsx";

const PAGE_SIZE = 25;

/** Cartella sociale → Anagrafica: the people in the care of the user's Comuni (every read is audited). */
export function PeoplePage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const canRead = canAny(ambito, ["people:read"]);
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(0);
  const people = useQuery({
    queryKey: ["people", ambito.slug, q, page],
    queryFn: () =>
      api.get<{ items: PersonDto[]; total: number }>(`/api/ambiti/${ambito.slug}/people`, {
        q,
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      }),
    enabled: canRead,
    placeholderData: keepPreviousData,
  });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
    setPage(0);
  };

  return (
    <>
      <PageHeader
        title={t("people.title")}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
        lead={t("people.lead")}
      />
      {canRead ? (
        <>
          <h2 className="h3 mb-5">{t("people.registry")}</h2>
          <form onSubmit={onSearch} className="row g-2">
            <div className="col-12 col-md-8">
              <TextField
                id="people-q"
                type="search"
                label={t("people.searchLabel")}
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
          {people.data ? (
            <>
              <PeopleTable people={people.data.items} total={people.data.total} />
              <Pager page={page} pageSize={PAGE_SIZE} total={people.data.total} onPage={setPage} />
            </>
          ) : null}
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

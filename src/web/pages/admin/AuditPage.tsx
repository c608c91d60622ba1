import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEventDto } from "../../../shared/contracts/audit.ts";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { AdminTabs } from "./AdminTabs.tsx";
import { AuditFilters, type AuditFilterValues, NO_FILTERS } from "./AuditFilters.tsx";
import { AuditTable } from "./AuditTable.tsx";
import { AuditVerify } from "./AuditVerify.tsx";

const LIMIT = 50;

/** Amministrazione → Registro accessi: the Ambito's audit log, newest first, and its integrity check. */
export function AuditPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const events = useInfiniteQuery({
    queryKey: ["audit", ambito.slug, filters],
    queryFn: ({ pageParam }) =>
      api.get<{ items: AuditEventDto[] }>(`/api/ambiti/${ambito.slug}/audit`, {
        ...filters,
        limit: LIMIT,
        beforeSeq: pageParam,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length < LIMIT ? undefined : last.items.at(-1)?.seq),
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.admin.title"), to: `/a/${ambito.slug}/admin` },
        ]}
        lead={t("audit.lead")}
      />
      <AdminTabs />
      <AuditVerify />
      <AuditFilters value={filters} onApply={setFilters} />
      <section aria-labelledby="audit-events-title" className="mt-4">
        <h2 id="audit-events-title" className="h3">
          {t("audit.eventsTitle")}
        </h2>
        {events.isPending ? <Loading /> : null}
        {events.isError ? <ErrorAlert error={events.error} /> : null}
        {events.data ? <AuditTable events={items} /> : null}
        {events.hasNextPage ? (
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {events.isFetchingNextPage ? t("common.loading") : t("audit.loadMore")}
          </button>
        ) : null}
      </section>
    </>
  );
}

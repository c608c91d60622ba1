import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserDto } from "../../../shared/contracts/admin.ts";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Icon } from "../../components/Icon.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { TextField } from "../../components/TextField.tsx";
import { AdminTabs } from "./AdminTabs.tsx";
import { UserForm } from "./UserForm.tsx";
import { UsersTable } from "./UsersTable.tsx";

const PAGE_SIZE = 20;
type Editing = { mode: "create" } | { mode: "edit"; user: UserDto } | null;

/** Amministrazione → Utenti: the accounts with a role in the Ambito; create and edit them. */
export function UsersPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const queryClient = useQueryClient();
  const canWrite = canAny(ambito, ["users:write"]);
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useQuery({
    queryKey: ["users", ambito.slug, q, page],
    queryFn: () =>
      api.get<{ items: UserDto[]; total: number }>(`/api/ambiti/${ambito.slug}/users`, {
        q,
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
    setPage(0);
  };
  const onSaved = (user: UserDto, created: boolean) => {
    setEditing(null);
    setNotice(t(created ? "users.created" : "users.updated", { username: user.username }));
    void queryClient.invalidateQueries({ queryKey: ["users", ambito.slug] });
  };
  const startEditing = (next: Editing) => {
    setNotice(null);
    setEditing(next);
  };

  return (
    <>
      <PageHeader
        title={t("users.title")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.admin.title"), to: `/a/${ambito.slug}/admin` },
        ]}
        lead={t("users.lead", { ambito: ambito.name })}
      />
      <AdminTabs />
      <div aria-live="polite">
        {notice ? (
          <div className="alert alert-success" role="status">
            {notice}
          </div>
        ) : null}
      </div>
      {editing ? (
        <UserForm
          key={editing.mode === "edit" ? editing.user.id : "new"}
          user={editing.mode === "edit" ? editing.user : undefined}
          onSaved={onSaved}
          onCancel={() => setEditing(null)}
        />
      ) : canWrite ? (
        <button type="button" className="btn btn-primary mb-4" onClick={() => startEditing({ mode: "create" })}>
          <Icon name="plus" className="icon-white me-1" />
          {t("users.new")}
        </button>
      ) : null}
      <section aria-labelledby="users-list-title" className="mt-4">
        <h2 id="users-list-title" className="h3 mb-5">
          {t("users.listTitle")}
        </h2>
        <form onSubmit={onSearch} className="row g-2 align-items-start">
          <div className="col-12 col-md-8">
            <TextField id="users-q" type="search" label={t("users.searchLabel")} value={search} onChange={setSearch} />
          </div>
          <div className="col-12 col-md-4">
            <button type="submit" className="btn btn-outline-primary">
              <Icon name="search" className="icon-primary me-1" />
              {t("common.search")}
            </button>
          </div>
        </form>
        {users.isPending ? <Loading /> : null}
        {users.isError ? <ErrorAlert error={users.error} /> : null}
        {users.data ? (
          <>
            <UsersTable
              users={users.data.items}
              total={users.data.total}
              onEdit={canWrite ? (user) => startEditing({ mode: "edit", user }) : undefined}
            />
            <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onPage={setPage} />
          </>
        ) : null}
      </section>
    </>
  );
}

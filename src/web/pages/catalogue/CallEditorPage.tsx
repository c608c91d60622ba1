import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { ApiError, api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { dateText } from "../portal/format.ts";
import { CallEditorForm } from "./CallEditorForm.tsx";
import { CALL_TRANSITIONS, type CallAdminDto, useAdminCalls } from "./data.ts";

type Status = CallAdminDto["status"];

/** /a/:ambito/offerta/bandi/nuovo and bandi/:id/modifica: write a call, then open, pause or close it. */
export function CallEditorPage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const { id } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const calls = useAdminCalls(ambito.slug, id !== undefined);
  const call = id === undefined ? null : calls.data?.find((c) => String(c.id) === id);
  const root = `/a/${ambito.slug}/offerta`;
  const status = useMutation({
    mutationFn: (to: Status) => api.post<CallAdminDto>(`/api/ambiti/${ambito.slug}/calls/${id}/status`, { status: to }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["offerta", "calls", ambito.slug] }),
  });
  const statusErrors = status.error instanceof ApiError ? status.error.fieldMap() : {};
  const created = (location.state as { created?: boolean } | null)?.created === true;
  return (
    <>
      <PageHeader
        title={call ? t("catalogue.callEditor.editTitle", { call: call.title }) : t("catalogue.callEditor.newTitle")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("catalogue.title"), to: root },
          ...(call ? [{ label: t("catalogue.queue.titleShort"), to: `${root}/bandi/${call.id}` }] : []),
        ]}
        lead={t("catalogue.callEditor.lead")}
      />
      {calls.isPending && id !== undefined ? <Loading /> : null}
      {calls.isError ? <ErrorAlert error={calls.error} /> : null}
      {id !== undefined && calls.isSuccess && !call ? <ErrorAlert error={new ApiError(404, null, null)} /> : null}
      {created && !status.isSuccess ? (
        <div className="alert alert-success" role="status">
          {t("catalogue.callEditor.created")}
        </div>
      ) : null}
      {call ? (
        <section aria-labelledby="call-state" className="mb-4" data-testid="call-status">
          <h2 id="call-state" className="h4">
            {t("catalogue.callEditor.state")}
          </h2>
          <p>
            {t(`portal.callStatus.${call.status}`)} ·{" "}
            {t(call.acceptsApplications ? "catalogue.callEditor.acceptsYes" : "catalogue.callEditor.acceptsNo")} ·{" "}
            {t("catalogue.callEditor.deadline")}: {dateText(call.deadline, i18n.language)}
          </p>
          {CALL_TRANSITIONS[call.status].map((to) => (
            <button
              key={to}
              type="button"
              className="btn btn-outline-primary me-2"
              disabled={status.isPending}
              onClick={() => status.mutate(to)}
            >
              {t(`catalogue.callEditor.actions.${to}`)}
            </button>
          ))}
          {call.acceptsApplications ? (
            <Link className="btn btn-link" to={`/bandi/${ambito.slug}/${call.code}`}>
              {t("catalogue.callEditor.publicPage")}
            </Link>
          ) : null}
          {status.isError ? <ErrorAlert error={status.error} /> : null}
          {Object.keys(statusErrors).length ? (
            <p className="text-danger">{t("catalogue.callEditor.cannotOpen")}</p>
          ) : null}
        </section>
      ) : null}
      {id === undefined || call ? (
        <CallEditorForm key={call?.id ?? "new"} ambito={ambito.slug} call={call ?? null} statusErrors={statusErrors} />
      ) : null}
    </>
  );
}

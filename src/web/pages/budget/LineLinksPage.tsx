import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { Loading } from "../../components/Loading.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { TextField } from "../../components/TextField.tsx";
import { DocumentLayout } from "./DocumentLayout.tsx";
import { budgetBase, euro } from "./data.ts";
import { deleteLineLink, type LineLinksDto, segmentToPeg, useLineLinks } from "./links.data.ts";
import { type Target, TargetPicker } from "./TargetPicker.tsx";

/** /…/documenti/:id/righe/:peg: what a spending line pays for (shares of it linked to services or objectives). */
export function LineLinksPage() {
  const { t } = useTranslation();
  const peg = segmentToPeg(useParams().peg ?? "");
  return (
    <DocumentLayout view={t("budget.links.title", { peg })}>
      {(doc) => <LineLinks lineId={`${doc.id}:${peg}`} />}
    </DocumentLayout>
  );
}

function LineLinks({ lineId }: { lineId: string }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const links = useLineLinks(ambito.slug, lineId);
  const peg = lineId.split(":")[1] ?? "";
  const line = links.data?.line;
  const canWrite = canAny(ambito, ["budget:write"]);
  return (
    <section aria-labelledby="line-title">
      <h2 id="line-title" className="h4">
        {t("budget.links.title", { peg })}
      </h2>
      {links.isPending ? <Loading /> : null}
      {links.isError ? <ErrorAlert error={links.error} /> : null}
      {links.data && !line ? <p>{t("budget.links.noLine")}</p> : null}
      {line ? (
        <>
          <p data-testid="line-summary">
            {line.section} · {line.description} · {t("budget.axes.settore")} {line.settore}
            {line.programma ? ` · ${line.programma}` : ""} ·{" "}
            {t("budget.links.forecast", { amount: euro(i18n.language, line.forecastCents) })}
          </p>
          <LinksTable data={links.data as LineLinksDto} lineId={lineId} canWrite={canWrite} />
          {line.spending ? canWrite ? <LinkForm lineId={lineId} /> : null : <p>{t("budget.links.revenue")}</p>}
        </>
      ) : null}
    </section>
  );
}

function LinksTable({ data, lineId, canWrite }: { data: LineLinksDto; lineId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (x: { targetKind: string; targetId: string }) => deleteLineLink(ambito.slug, { lineId, ...x }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["budget", ambito.slug] }),
  });
  if (!data.items.length) return <p>{t("budget.links.none")}</p>;
  const root = `/a/${ambito.slug}/bilancio/costi`;
  return (
    <>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <ScrollTable label={t("budget.links.caption")}>
        <table className="table table-sm table-striped" data-testid="line-links">
          <caption>{t("budget.links.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("budget.funds.target")}</th>
              <th scope="col">{t("budget.funds.targetKind")}</th>
              <th scope="col" className="text-end">
                {t("budget.funds.share")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.links.forecastShare")}
              </th>
              {canWrite ? <td /> : null}
            </tr>
          </thead>
          <tbody>
            {data.items.map((x) => (
              <tr key={`${x.targetKind}:${x.targetId}`}>
                <th scope="row">
                  <Link to={`${root}?tipo=${x.targetKind}&id=${encodeURIComponent(x.targetId)}`}>{x.targetLabel}</Link>
                </th>
                <td>{t(`budget.funds.targets.${x.targetKind}`)}</td>
                <td className="text-end">{(x.shareBp / 100).toFixed(2)} %</td>
                <td className="text-end text-nowrap">{euro(i18n.language, x.forecastCents)}</td>
                {canWrite ? (
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-xs"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ targetKind: x.targetKind, targetId: x.targetId })}
                    >
                      {t("budget.links.remove", { target: x.targetLabel })}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

function LinkForm({ lineId }: { lineId: string }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target>({ kind: "plan_objective", planId: "", id: "" });
  const [share, setShare] = useState("100");
  const [shareError, setShareError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (body: object) => api.post(`${budgetBase(ambito.slug)}/line-links`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["budget", ambito.slug] }),
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = /^(\d{1,3})(?:[,.](\d{1,2}))?$/.exec(share.trim());
    const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : 0;
    setShareError(bp < 1 || bp > 10000 ? t("budget.links.shareInvalid") : undefined);
    if (bp < 1 || bp > 10000) return;
    save.mutate({ lineId, targetKind: target.kind, targetId: target.id, shareBp: bp });
  };
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mt-3" aria-labelledby="link-form-title">
      <h3 id="link-form-title" className="h5">
        {t("budget.links.add")}
      </h3>
      <TargetPicker value={target} onChange={setTarget} error={errors.targetId} />
      <div className="row">
        <div className="col-12 col-md-4">
          <TextField
            id="link-share"
            label={t("budget.links.share")}
            hint={t("budget.links.shareHint")}
            value={share}
            onChange={setShare}
            inputMode="decimal"
            error={shareError ?? errors.shareBp}
            required
          />
        </div>
      </div>
      <div aria-live="polite">
        {save.isError && !Object.keys(errors).length ? <ErrorAlert error={save.error} /> : null}
        {save.isSuccess ? (
          <div className="alert alert-success" role="status">
            {t("budget.links.saved")}
          </div>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={!target.id || save.isPending}>
        {t("budget.links.save")}
      </button>
    </form>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { type ApiError, api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { budgetBase, euro, type FundAssignmentDetailDto, parseEuroInput, useFund } from "./data.ts";
import { StatusBadge } from "./StatusBadge.tsx";

/** /a/:ambito/bilancio/fondi/:id: one assignment with its commitments, payments and what it pays for. */
export function FundDetailPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const id = Number(useParams().id);
  const fund = useFund(ambito.slug, id);
  const a = fund.data?.assignment;
  const title = a ? `${a.fundName} ${a.year}${a.label ? ` – ${a.label}` : ""}` : t("budget.funds.title");
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={`${title} · ${t("budget.funds.title")}`}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.budget.title"), to: `/a/${ambito.slug}/bilancio` },
          { label: t("budget.funds.title"), to: `/a/${ambito.slug}/bilancio/fondi` },
        ]}
      />
      {fund.isPending ? <Loading /> : null}
      {fund.isError ? <ErrorAlert error={fund.error} /> : null}
      {fund.data ? <Detail data={fund.data} id={id} /> : null}
    </>
  );
}

function Detail({ data, id }: { data: FundAssignmentDetailDto; id: number }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const money = (c: number) => euro(i18n.language, c);
  const a = data.assignment;
  const canWrite = canAny(ambito, ["budget:write"]);
  return (
    <>
      <dl className="row" data-testid="fund-balance">
        <dt className="col-sm-4">{t("budget.funds.status")}</dt>
        <dd className="col-sm-8">
          <StatusBadge status={a.status} />
        </dd>
        <dt className="col-sm-4">{t("budget.funds.amount")}</dt>
        <dd className="col-sm-8">{money(a.amountCents)}</dd>
        <dt className="col-sm-4">{t("budget.funds.committed")}</dt>
        <dd className="col-sm-8">
          {money(a.committedCents)} ({(a.committedBp / 100).toFixed(2)} %)
        </dd>
        <dt className="col-sm-4">{t("budget.funds.paid")}</dt>
        <dd className="col-sm-8">{money(a.paidCents)}</dd>
        <dt className="col-sm-4">{t("budget.funds.uncommitted")}</dt>
        <dd className="col-sm-8">{money(a.uncommittedCents)}</dd>
        <dt className="col-sm-4">{t("budget.funds.deadline")}</dt>
        <dd className="col-sm-8">
          {a.spendBy ? new Date(a.spendBy).toLocaleDateString(i18n.language) : t("budget.funds.noDeadline")}
          {a.elapsedBp !== null ? ` (${t("budget.funds.elapsed", { pct: (a.elapsedBp / 100).toFixed(0) })})` : ""}
        </dd>
        <dt className="col-sm-4">{t("budget.funds.sourceAct")}</dt>
        <dd className="col-sm-8">{a.sourceAct}</dd>
      </dl>
      <h2 className="h4">{t("budget.funds.movements")}</h2>
      {data.movements.length ? (
        <ScrollTable label={t("budget.funds.movements")}>
          <table className="table table-sm table-striped">
            <caption>{t("budget.funds.movementsCaption", { count: data.movements.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("budget.funds.date")}</th>
                <th scope="col">{t("budget.funds.kind")}</th>
                <th scope="col">{t("budget.funds.act")}</th>
                <th scope="col" className="text-end">
                  {t("budget.funds.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.movements.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{new Date(m.onDate).toLocaleDateString(i18n.language)}</th>
                  <td>{t(`budget.funds.kinds.${m.kind}`)}</td>
                  <td>
                    {m.act}
                    {m.description ? ` – ${m.description}` : ""}
                  </td>
                  <td className="text-end text-nowrap">{money(m.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>{t("budget.funds.noMovements")}</p>
      )}
      {canWrite ? <MovementForm id={id} /> : null}
      <h2 className="h4 mt-4">{t("budget.funds.allocations")}</h2>
      {data.allocations.length ? (
        <ScrollTable label={t("budget.funds.allocations")}>
          <table className="table table-sm table-striped">
            <caption>{t("budget.funds.allocationsCaption", { pct: (a.allocatedBp / 100).toFixed(2) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("budget.funds.target")}</th>
                <th scope="col">{t("budget.funds.targetKind")}</th>
                <th scope="col" className="text-end">
                  {t("budget.funds.share")}
                </th>
                <th scope="col" className="text-end">
                  {t("budget.funds.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.allocations.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    {x.targetLabel ?? x.targetId}
                    {x.verified ? "" : ` (${t("budget.funds.unverified")})`}
                  </th>
                  <td>{t(`budget.funds.targets.${x.targetKind}`)}</td>
                  <td className="text-end">{(x.shareBp / 100).toFixed(2)} %</td>
                  <td className="text-end text-nowrap">{money(x.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>{t("budget.funds.noAllocations")}</p>
      )}
    </>
  );
}

function MovementForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState("commitment");
  const [onDate, setOnDate] = useState(new Date().toISOString().slice(0, 10));
  const [amount, setAmount] = useState("");
  const [act, setAct] = useState("");
  const [amountError, setAmountError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (body: object) => api.post<{ id: number }>(`${budgetBase(ambito.slug)}/funds/${id}/movements`, body),
    onSuccess: () => {
      setAmount("");
      setAct("");
      void queryClient.invalidateQueries({ queryKey: ["budget", ambito.slug] });
    },
  });
  const fields = save.error ? ((save.error as ApiError).fieldMap?.() ?? {}) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuroInput(amount);
    setAmountError(cents === null || cents <= 0 ? t("budget.funds.amountInvalid") : undefined);
    if (cents === null || cents <= 0) return;
    save.mutate({ kind, onDate, amountCents: cents, act });
  };
  return (
    <form onSubmit={submit} className="border rounded p-3 mt-3" aria-labelledby="movement-form-title" noValidate>
      <h3 id="movement-form-title" className="h5">
        {t("budget.funds.addMovement")}
      </h3>
      <div className="row">
        <div className="col-12 col-md-3">
          <SelectField id="mv-kind" label={t("budget.funds.kind")} value={kind} onChange={setKind}>
            <option value="commitment">{t("budget.funds.kinds.commitment")}</option>
            <option value="payment">{t("budget.funds.kinds.payment")}</option>
          </SelectField>
        </div>
        <div className="col-12 col-md-3">
          <TextField
            id="mv-date"
            type="date"
            label={t("budget.funds.date")}
            value={onDate}
            onChange={setOnDate}
            error={fields.onDate}
            required
          />
        </div>
        <div className="col-12 col-md-3">
          <TextField
            id="mv-amount"
            label={t("budget.funds.amountEuro")}
            hint={t("budget.funds.amountHint")}
            value={amount}
            onChange={setAmount}
            error={amountError ?? fields.amountCents}
            inputMode="decimal"
            required
          />
        </div>
        <div className="col-12 col-md-3">
          <TextField
            id="mv-act"
            label={t("budget.funds.act")}
            value={act}
            onChange={setAct}
            error={fields.act}
            required
          />
        </div>
      </div>
      <div aria-live="polite">
        {save.isError && !Object.keys(fields).length ? <ErrorAlert error={save.error} /> : null}
        {save.isSuccess ? (
          <div className="alert alert-success" role="status">
            {t("budget.funds.saved")}
          </div>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t("budget.funds.save")}
      </button>
    </form>
  );
}

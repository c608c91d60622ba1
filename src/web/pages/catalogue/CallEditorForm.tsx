import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError, api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { RawFacts } from "../portal/FactsForm.tsx";
import { parseEuroCents } from "../portal/format.ts";
import { DocumentsEditor } from "./CallEditorDocuments.tsx";
import { euroText, fromPartRow, fromRuleRow, newKey, type TieRow, toPartRow, toRuleRow } from "./CallEditorModel.ts";
import { CallEditorPreview, useRulesPreview } from "./CallEditorPreview.tsx";
import { emptyRule, RulesEditor } from "./CallEditorRules.tsx";
import { ScoringEditor, TieBreaksEditor } from "./CallEditorScoring.tsx";
import { type CallAdminDto, useListings } from "./data.ts";

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
/** ISO → the value of a datetime-local input, in the browser's time zone. */
const toLocal = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocal = (s: string) => {
  const d = new Date(s);
  return s && !Number.isNaN(d.getTime()) ? d.toISOString() : "";
};
const money = (s: string) => (s.trim() === "" ? null : (parseEuroCents(s) ?? s));

/** The server's English field messages the editor says in the user's language (others shown as sent). */
const MESSAGES: [RegExp, string][] = [
  [/^required$/, "required"],
  [/^a number is required$/, "number"],
  [/^yes or no is required$/, "yesNo"],
  [/^(at least )?one value is required$/, "value"],
  [/^allowed values/, "allowed"],
  [/^whole cents/, "cents"],
  [/^(a condition is required|at least one condition)$/, "condition"],
  [/^unknown fact$/, "fact"],
  [/^not an operator/, "op"],
  [/^lowercase letters, digits and _/, "id"],
  [/^already used in this call$/, "duplicate"],
  [/^a numeric fact/, "numericFact"],
  [/^must differ from the start$/, "differ"],
  [/^a date and time is required$/, "date"],
  [/^must be after the opening date$/, "afterOpening"],
  [/^must be in the future$/, "future"],
  [/^already taken$/, "taken"],
  [/^not a service of this Ambito$/, "service"],
  [/^at least one rule to open$/, "rulesToOpen"],
  [/^must be in the future to open$/, "futureToOpen"],
  [/^locked: (\d+)/, "locked"],
  [/^lowercase letters and digits separated by -$/, "code"],
  [/^at least 3 characters$/, "min3"],
];

type Errors = Record<string, string>;

export function CallEditorForm({
  ambito,
  call,
  statusErrors,
}: {
  ambito: string;
  call: CallAdminDto | null;
  statusErrors: Errors;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const listings = useListings(ambito, true);
  const now = Date.now();
  const [f, setF] = useState({
    code: call?.code ?? "",
    title: call?.title ?? "",
    description: call?.description ?? "",
    budget: call?.budgetCents == null ? "" : euroText(call.budgetCents),
    maxGrant: call ? euroText(call.maxGrantCents) : "",
    opensAt: toLocal(call?.opensAt ?? new Date(now).toISOString()),
    deadline: toLocal(call?.deadline ?? new Date(now + 30 * DAY).toISOString()),
    serviceId: call?.serviceId ? String(call.serviceId) : "",
    source: call?.source ?? "",
  });
  const [rules, setRules] = useState(call ? call.eligibility.map(toRuleRow) : [emptyRule(1)]);
  const [parts, setParts] = useState(call ? call.scoring.parts.map(toPartRow) : []);
  const [ties, setTies] = useState<TieRow[]>(call ? call.scoring.tieBreaks.map((x) => ({ key: newKey(), ...x })) : []);
  const [docs, setDocs] = useState((call?.requiredDocuments ?? []).map((d) => ({ key: newKey(), ...d })));
  const [raw, setRaw] = useState<RawFacts>({});
  const eligibility = rules.map(fromRuleRow);
  const scoring = { parts: parts.map(fromPartRow), tieBreaks: ties.map(({ fact, order }) => ({ fact, order })) };
  const preview = useRulesPreview(ambito, eligibility, scoring, raw);
  const locked = call !== null && Object.values(call.counts).some((n) => n > 0);
  const submitted = call ? Object.values(call.counts).reduce((a, b) => a + b, 0) : 0;

  const save = useMutation({
    mutationFn: (body: object) =>
      call
        ? api.put<CallAdminDto>(`/api/ambiti/${ambito}/calls/${call.id}`, body)
        : api.post<CallAdminDto>(`/api/ambiti/${ambito}/calls`, body),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["offerta", "calls", ambito] });
      if (!call) navigate(`/a/${ambito}/offerta/bandi/${saved.id}/modifica`, { state: { created: true } });
    },
  });
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      if (save.isError || save.isSuccess) save.reset();
      set(v);
    };
  const set = (k: keyof typeof f) => touch((v: string) => setF({ ...f, [k]: v }));

  const live = preview.error instanceof ApiError ? preview.error.fieldMap() : {};
  const errors: Errors = { ...live, ...(save.error instanceof ApiError ? save.error.fieldMap() : {}), ...statusErrors };
  const say = (m: string) => {
    for (const [re, key] of MESSAGES) {
      const hit = re.exec(m);
      if (hit) return t(`catalogue.callEditor.err.${key}`, { n: hit[1] });
    }
    return m;
  };
  const err = (path: string) => {
    if (path.startsWith("__under__")) {
      const prefix = path.slice(9);
      const k = Object.keys(errors).find((x) => x.startsWith(prefix));
      return k ? say(errors[k] as string) : undefined;
    }
    return errors[path] === undefined ? undefined : say(errors[path]);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      ...(call ? {} : { code: f.code }),
      title: f.title,
      description: f.description,
      budgetCents: money(f.budget),
      maxGrantCents: money(f.maxGrant),
      opensAt: fromLocal(f.opensAt),
      deadline: fromLocal(f.deadline),
      eligibility,
      scoring,
      requiredDocuments: docs.map(({ code, label }) => ({ code, label })),
      serviceId: f.serviceId ? Number(f.serviceId) : null,
      source: f.source.trim() || null,
    });
  };
  const services = (listings.data ?? []).filter((s) => s.status === "approved");
  return (
    <form onSubmit={submit} noValidate>
      <h2 className="h4">{t("catalogue.callEditor.general")}</h2>
      <div className="row">
        {call ? null : (
          <div className="col-md-4">
            <TextField
              id="call-code"
              label={t("catalogue.callEditor.code")}
              value={f.code}
              onChange={set("code")}
              error={err("code")}
              hint={t("catalogue.callEditor.codeHint")}
              required
            />
          </div>
        )}
        <div className={call ? "col-12" : "col-md-8"}>
          <TextField
            id="call-title"
            label={t("catalogue.callEditor.title")}
            value={f.title}
            onChange={set("title")}
            error={err("title")}
            required
          />
        </div>
        <div className="col-12">
          <div className="form-group">
            <label htmlFor="call-description" className="active">
              {t("catalogue.callEditor.description")}
            </label>
            <textarea
              id="call-description"
              className="form-control"
              rows={3}
              value={f.description}
              onChange={(e) => set("description")(e.target.value)}
            />
          </div>
        </div>
        <div className="col-md-3">
          <TextField
            id="call-budget"
            label={t("catalogue.callEditor.budget")}
            value={f.budget}
            onChange={set("budget")}
            error={err("budgetCents")}
            hint={t("catalogue.callEditor.budgetHint")}
            inputMode="decimal"
          />
        </div>
        <div className="col-md-3">
          <TextField
            id="call-max-grant"
            label={t("catalogue.callEditor.maxGrant")}
            value={f.maxGrant}
            onChange={set("maxGrant")}
            error={err("maxGrantCents")}
            hint={t("catalogue.callEditor.euroHint")}
            inputMode="decimal"
            required
          />
        </div>
        <div className="col-md-3">
          <TextField
            id="call-opens"
            type="datetime-local"
            label={t("catalogue.callEditor.opensAt")}
            value={f.opensAt}
            onChange={set("opensAt")}
            error={err("opensAt")}
            required
          />
        </div>
        <div className="col-md-3">
          <TextField
            id="call-deadline"
            type="datetime-local"
            label={t("catalogue.callEditor.deadline")}
            value={f.deadline}
            onChange={set("deadline")}
            error={err("deadline")}
            required
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="call-service"
            label={t("catalogue.callEditor.service")}
            value={f.serviceId}
            onChange={set("serviceId")}
            error={err("serviceId")}
          >
            <option value="">{t("catalogue.callEditor.noService")}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-6">
          <TextField
            id="call-source"
            label={t("catalogue.callEditor.source")}
            value={f.source}
            onChange={set("source")}
            error={err("source")}
            hint={t("catalogue.callEditor.sourceHint")}
          />
        </div>
      </div>

      {locked ? (
        <div className="alert alert-info" role="status">
          {t("catalogue.callEditor.locked", { count: submitted })}
        </div>
      ) : null}
      <RulesEditor rows={rules} onChange={touch(setRules)} err={err} locked={locked} />
      <ScoringEditor rows={parts} onChange={touch(setParts)} err={err} locked={locked} />
      <TieBreaksEditor rows={ties} onChange={touch(setTies)} err={err} locked={locked} />

      <DocumentsEditor rows={docs} onChange={touch(setDocs)} err={err} />

      <CallEditorPreview rules={{ eligibility, scoring }} raw={raw} onRaw={setRaw} preview={preview} />

      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {save.isSuccess && call ? (
        <div className="alert alert-success" role="status">
          {t("catalogue.callEditor.saved")}
        </div>
      ) : null}
      <button type="submit" className="btn btn-primary mb-4" disabled={save.isPending}>
        {call ? t("catalogue.callEditor.save") : t("catalogue.callEditor.create")}
      </button>
    </form>
  );
}

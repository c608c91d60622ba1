import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { ComuneSelect } from "./ComuneSelect.tsx";
import type { ApplicationDto, CallDto } from "./data.ts";
import { FactsForm, factsOfRules, type RawFacts, toFacts } from "./FactsForm.tsx";
import { euro, parseEuroCents } from "./format.ts";

const ON_BEHALF = ["caf", "patronato", "social_worker"] as const;
type OnBehalfKind = (typeof ON_BEHALF)[number];

/** The first step of an application: who applies, where they live, what they ask, their situation. */
export function NewApplicationForm({ call, base }: { call: CallDto; base: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [cf, setCf] = useState("");
  const [householdCf, setHouseholdCf] = useState("");
  const [comune, setComune] = useState("");
  const [amount, setAmount] = useState("");
  const [raw, setRaw] = useState<RawFacts>({});
  const [factErrors, setFactErrors] = useState<ReturnType<typeof toFacts>["errors"]>({});
  const [comuneMissing, setComuneMissing] = useState(false);
  const [onBehalf, setOnBehalf] = useState<"" | OnBehalfKind>("");
  const [onBehalfNote, setOnBehalfNote] = useState("");
  const create = useMutation({
    mutationFn: (body: object) => api.post<ApplicationDto>(base, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["portal", "mine"] }),
  });
  const fields = create.error instanceof ApiError ? create.error.fieldMap() : {};
  const amountCents = parseEuroCents(amount);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { facts, errors } = toFacts(raw);
    setFactErrors(errors);
    // The approval refers the applicant to their Comune's social service: asked up front.
    setComuneMissing(!comune);
    if (Object.keys(errors).length || amountCents === null || !comune) return;
    create.mutate({
      callCode: call.code,
      applicantName: name,
      applicantFiscalCode: cf,
      householdFiscalCode: householdCf || cf,
      applicantComune: comune,
      facts,
      requestedCents: amountCents,
      // Filed by a CAF, patronato or social worker: recorded as such on the application.
      ...(onBehalf
        ? { onBehalf: { kind: onBehalf, ...(onBehalfNote.trim() ? { note: onBehalfNote.trim() } : {}) } }
        : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t("portal.apply.lead", { max: euro(call.maxGrantCents, i18n.language) })}</p>
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="applicant-name"
            label={t("portal.apply.name")}
            value={name}
            onChange={setName}
            error={fields.applicantName}
            autoComplete="name"
            required
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="applicant-cf"
            label={t("portal.apply.fiscalCode")}
            value={cf}
            onChange={setCf}
            error={fields.applicantFiscalCode}
            autoComplete="off"
            required
          />
        </div>
        <div className="col-md-6">
          <ComuneSelect
            ambito={call.ambito}
            value={comune}
            onChange={setComune}
            error={comuneMissing ? t("portal.apply.comuneRequired") : fields.applicantComune}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="household-cf"
            label={t("portal.apply.householdFiscalCode")}
            hint={t("portal.apply.householdHint")}
            value={householdCf}
            onChange={setHouseholdCf}
            error={fields.householdFiscalCode}
            autoComplete="off"
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="amount"
            label={t("portal.apply.amount")}
            hint={t("portal.apply.amountHint", { max: euro(call.maxGrantCents, i18n.language) })}
            value={amount}
            onChange={setAmount}
            error={amount && amountCents === null ? t("portal.facts.errors.amount") : fields.requestedCents}
            inputMode="decimal"
            required
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="on-behalf"
            label={t("portal.apply.onBehalf")}
            value={onBehalf}
            onChange={(v) => setOnBehalf(v as "" | OnBehalfKind)}
            error={fields["onBehalf.kind"]}
          >
            <option value="">{t("portal.apply.onBehalfNone")}</option>
            {ON_BEHALF.map((k) => (
              <option key={k} value={k}>
                {t(`catalogue.onBehalf.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {onBehalf ? (
          <div className="col-md-6">
            <TextField
              id="on-behalf-note"
              label={t("portal.apply.onBehalfNote")}
              value={onBehalfNote}
              onChange={setOnBehalfNote}
              error={fields["onBehalf.note"]}
            />
          </div>
        ) : null}
      </div>
      <h2 className="h5">{t("portal.apply.situation")}</h2>
      <FactsForm
        fields={factsOfRules([call.eligibility, call.scoring])}
        value={raw}
        onChange={setRaw}
        errors={factErrors}
        idPrefix="apply"
      />
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t("portal.apply.saveDraft")}
      </button>
    </form>
  );
}

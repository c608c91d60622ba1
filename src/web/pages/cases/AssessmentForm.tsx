import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { base, type Form, today, useOptions } from "./data.ts";

/** Fills an assessment: the form is drawn from its definition (data), the server scores it. */
export function AssessmentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const options = useOptions(ambito.slug);
  const [formId, setFormId] = useState("");
  const chosen = formId || String(options.data?.forms[0]?.id ?? "");
  const form = useQuery({
    queryKey: ["assessment-form", ambito.slug, chosen],
    queryFn: () => api.get<Form>(`${base(ambito.slug)}/assessment-forms/${chosen}`),
    enabled: chosen !== "",
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [assessedOn, setAssessedOn] = useState(today());
  const save = useMutation({
    mutationFn: () =>
      api.post(`${base(ambito.slug)}/cases/${caseId}/assessments`, {
        formId: Number(chosen),
        assessedOn,
        answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== "")),
      }),
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg p-4 my-3" aria-labelledby="assessment-form-title">
      <h3 id="assessment-form-title" className="h4">
        {t("cases.assessment.new")}
      </h3>
      {save.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(save.error, t)}
        </div>
      ) : null}
      <div className="row">
        <div className="col-12 col-md-8">
          <SelectField
            id="assessment-form"
            label={t("cases.assessment.form")}
            value={chosen}
            onChange={(v) => {
              setFormId(v);
              setAnswers({});
            }}
          >
            {options.data?.forms.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title} (v{f.version})
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="assessment-date"
            type="date"
            label={t("cases.assessment.date")}
            value={assessedOn}
            onChange={setAssessedOn}
            error={errors.assessedOn}
            max={today()}
          />
        </div>
      </div>
      {form.data?.definition.sections.map((section) => (
        <fieldset key={section.key} className="mb-3">
          <legend className="h5">{section.title}</legend>
          {section.items.map((item) => {
            const id = `q-${item.key}`;
            const error = errors[`answers.${item.key}`];
            if (item.type === "choice") {
              return (
                <SelectField
                  key={item.key}
                  id={id}
                  label={item.label + (item.required ? " *" : "")}
                  value={answers[item.key] ?? ""}
                  onChange={(v) => setAnswers((a) => ({ ...a, [item.key]: v }))}
                  error={error}
                >
                  <option value="">—</option>
                  {item.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </SelectField>
              );
            }
            return (
              <TextField
                key={item.key}
                id={id}
                label={item.label}
                value={answers[item.key] ?? ""}
                onChange={(v) => setAnswers((a) => ({ ...a, [item.key]: v }))}
                error={error}
              />
            );
          })}
        </fieldset>
      ))}
      <div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending || !form.data}>
          {t("cases.assessment.save")}
        </button>
      </div>
    </form>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RulesPreviewDto } from "../../../server/modules/catalogue/calls-admin.contracts.ts";
import { api } from "../../api.ts";
import { FactsForm, factsOfRules, type RawFacts, toFacts } from "../portal/FactsForm.tsx";

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

type Labelled = { id: string; label: { it: string; en: string } };
/** Unfinished ids and labels do not change who qualifies: fill them so the preview still runs. */
const named = <T extends Labelled>(x: T, i: number): T => ({
  ...x,
  id: /^[a-z0-9_]{1,40}$/.test(x.id) ? x.id : `r${i}`,
  label: { it: x.label.it.trim() || "…", en: x.label.en.trim() || "…" },
});

/**
 * "Who qualifies": the draft rules (not yet saved) applied by the server's engine to example answers,
 * with its explanation per rule. The same request checks the rules, so mistakes show while typing.
 */
export function useRulesPreview(
  ambito: string,
  eligibility: Labelled[],
  scoring: { parts: Labelled[]; tieBreaks: unknown[] },
  raw: RawFacts,
) {
  const rules = { eligibility: eligibility.map(named), scoring: { ...scoring, parts: scoring.parts.map(named) } };
  const body = useDebounced(JSON.stringify({ ...rules, facts: toFacts(raw).facts }), 400);
  return useQuery({
    queryKey: ["offerta", "rules-preview", ambito, body],
    queryFn: () => api.post<RulesPreviewDto>(`/api/ambiti/${ambito}/calls/rules-preview`, JSON.parse(body)),
    retry: false,
    placeholderData: (prev) => prev,
  });
}

export function CallEditorPreview({
  rules,
  raw,
  onRaw,
  preview,
}: {
  rules: unknown;
  raw: RawFacts;
  onRaw: (r: RawFacts) => void;
  preview: ReturnType<typeof useRulesPreview>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "it";
  const fields = factsOfRules(rules);
  const { errors } = toFacts(raw);
  const result = preview.isError ? null : preview.data;
  return (
    <section aria-labelledby="preview-title" className="mb-4">
      <h2 id="preview-title" className="h4">
        {t("catalogue.callEditor.preview")}
      </h2>
      <p>{t("catalogue.callEditor.previewLead")}</p>
      {fields.length === 0 ? <p>{t("catalogue.callEditor.previewEmpty")}</p> : null}
      <FactsForm fields={fields} value={raw} onChange={onRaw} errors={errors} idPrefix="preview" />
      <div aria-live="polite" data-testid="preview">
        {preview.isError ? <p className="text-danger">{t("catalogue.callEditor.previewInvalid")}</p> : null}
        {result ? (
          <>
            <p className="fw-bold">
              {t(`catalogue.callEditor.verdict.${result.evaluation.status}`)}
              {" · "}
              {t("catalogue.callEditor.scoreTotal", { points: result.score.total })}
            </p>
            <ul>
              {result.evaluation.results.map((r) => (
                <li key={r.id}>
                  <strong>{r.label[lang]}</strong>: {r.explanation[lang]}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}

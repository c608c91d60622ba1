import { useTranslation } from "react-i18next";
import { TextField } from "../../components/TextField.tsx";
import type { ErrorOf } from "./CallEditorFields.tsx";
import { newKey } from "./CallEditorModel.ts";

export interface DocRow {
  key: number;
  code: string;
  label: string;
}

/** The documents an applicant must attach (code used by the application form, label shown to them). */
export function DocumentsEditor({
  rows,
  onChange,
  err,
}: {
  rows: DocRow[];
  onChange: (r: DocRow[]) => void;
  err: ErrorOf;
}) {
  const { t } = useTranslation();
  return (
    <fieldset data-testid="documents">
      <legend className="h4">{t("catalogue.callEditor.documents")}</legend>
      {rows.map((d, i) => (
        <div className="row" key={d.key}>
          <div className="col-md-3">
            <TextField
              id={`doc-${d.key}-code`}
              label={t("catalogue.callEditor.docCode")}
              value={d.code}
              onChange={(v) => onChange(rows.map((x, k) => (k === i ? { ...x, code: v } : x)))}
              error={err(`requiredDocuments.${i}.code`)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id={`doc-${d.key}-label`}
              label={t("catalogue.callEditor.docLabel")}
              value={d.label}
              onChange={(v) => onChange(rows.map((x, k) => (k === i ? { ...x, label: v } : x)))}
              error={err(`requiredDocuments.${i}.label`)}
            />
          </div>
          <div className="col-md-3 pt-4">
            <button
              type="button"
              className="btn btn-link btn-sm"
              onClick={() => onChange(rows.filter((_, k) => k !== i))}
            >
              {t("catalogue.callEditor.removeDoc", { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-outline-primary mb-4"
        onClick={() => onChange([...rows, { key: newKey(), code: "", label: "" }])}
      >
        {t("catalogue.callEditor.addDoc")}
      </button>
    </fieldset>
  );
}

import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/SelectField.tsx";

/** Form fields the editor pages need beyond TextField/SelectField. */

export function TextAreaField({
  id,
  label,
  value,
  onChange,
  error,
  rows = 3,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  rows?: number;
}) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        className={`form-control ${error ? "is-invalid" : ""}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      />
      {error ? (
        <div id={errorId} className="invalid-feedback d-block field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** Yes / no / not stated: the regional sheet leaves many flags blank. */
export function YesNoField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: boolean | null | undefined;
  onChange: (v: boolean | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={label}
      value={value == null ? "" : value ? "yes" : "no"}
      onChange={(v) => onChange(v === "" ? null : v === "yes")}
    >
      <option value="">{t("planning.edit.notStated")}</option>
      <option value="yes">{t("planning.yes")}</option>
      <option value="no">{t("planning.no")}</option>
    </SelectField>
  );
}

/** Text of an optional field for the API: empty means not stated (null). */
export const opt = (s: string) => (s.trim() ? s.trim() : null);

import type { ReactNode } from "react";

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  children: ReactNode;
}

/** A labelled Bootstrap Italia select with its error. */
export function SelectField({ id, label, value, onChange, error, required, children }: SelectFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={error ? "is-invalid" : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      >
        {children}
      </select>
      {error ? (
        <div id={errorId} className="invalid-feedback d-block field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

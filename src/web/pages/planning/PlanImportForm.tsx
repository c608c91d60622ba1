import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { planningBase } from "./data.ts";

interface Imported {
  id: number;
  version: number;
  created: boolean;
}

/**
 * Upload of a whole plan (the JSON or XLSX that "Scarica" produces, edited offline): checked whole
 * by the server, written all or nothing; the problems are listed by path or by sheet and row.
 */
export function PlanImportForm({ slug, root }: { slug: string; root: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      const file = fileRef.current?.files?.[0];
      if (file) form.append("file", file, file.name);
      return api.upload<Imported>(`${planningBase(slug)}/plans/import-file`, form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ["plans", slug] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };
  const problems = upload.error instanceof ApiError ? upload.error.fields : [];
  return (
    <section aria-labelledby="plan-import-title" className="card card-bg p-4 my-4">
      <h2 id="plan-import-title" className="h5">
        {t("planning.import.title")}
      </h2>
      <p>{t("planning.import.lead")}</p>
      <form onSubmit={submit} noValidate>
        <div className="mb-3">
          <label htmlFor="plan-file" className="form-label">
            {t("planning.import.file")}
          </label>
          <input id="plan-file" ref={fileRef} type="file" accept=".json,.xlsx" className="form-control" />
        </div>
        <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
          {t("planning.import.submit")}
        </button>
      </form>
      {upload.data ? (
        <div className="alert alert-success mt-3" role="status">
          {t(upload.data.created ? "planning.import.created" : "planning.import.updated", {
            version: upload.data.version,
          })}{" "}
          <Link to={`${root}/piani/${upload.data.id}`}>{t("planning.import.open")}</Link>
        </div>
      ) : null}
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {problems.length ? (
        <table className="table table-sm mt-2">
          <caption>{t("planning.import.problems", { count: problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planning.import.where")}</th>
              <th scope="col">{t("planning.import.what")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={`${p.path}:${p.message}`}>
                <td>
                  <code>{p.path.replace(/^body\./, "")}</code>
                </td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ApplicationSummaryDto } from "../../../server/modules/catalogue/catalogue.contracts.ts";
import { ApiError, api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { ComuneSelect } from "./ComuneSelect.tsx";
import { type ApplicationDto, type CallDto, useCall } from "./data.ts";
import { EvaluationView } from "./EvaluationView.tsx";
import { NewApplicationForm } from "./NewApplicationForm.tsx";
import { useOptionalMe } from "./PortalLayout.tsx";

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** /bandi/:ambito/:code/domanda: draft, documents, submission and the receipt. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { ambito = "", code = "" } = useParams();
  const me = useOptionalMe();
  const call = useCall(ambito, code);
  const base = `/api/ambiti/${ambito}/my/applications`;
  const mine = useQuery({
    queryKey: ["portal", "mine", ambito],
    queryFn: () => api.get<ApplicationSummaryDto[]>(base),
    enabled: !!me.data,
  });
  const crumbs = [
    { label: t("portal.calls.title"), to: `/bandi/${ambito}` },
    { label: call.data?.title ?? code, to: `/bandi/${ambito}/${code}` },
  ];
  const header = <PageHeader title={t("portal.apply.title")} breadcrumbs={crumbs} />;
  if (me.isPending || call.isPending || (me.data && mine.isPending))
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (!me.data) {
    return (
      <>
        {header}
        <p>
          {t("portal.call.loginToApply")} <Link to="/login">{t("header.login")}</Link>
        </p>
      </>
    );
  }
  if (call.isError || !call.data)
    return (
      <>
        {header}
        <ErrorAlert error={call.error} />
      </>
    );
  const open = mine.data?.find((a) => a.callCode === code && ["draft", "needs_documents"].includes(a.status));
  const done = mine.data?.find((a) => a.callCode === code && !["draft", "needs_documents"].includes(a.status));
  return (
    <>
      {header}
      {done && !open ? <Receipt summary={done} /> : null}
      {open ? <Draft id={open.id} call={call.data} base={base} /> : null}
      {!open && !done ? <NewApplicationForm call={call.data} base={base} /> : null}
    </>
  );
}

function Receipt({ summary }: { summary: ApplicationSummaryDto }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-success" role="status" data-testid="receipt">
      <p className="h5">{t("portal.apply.submitted")}</p>
      <p className="mb-1">
        {t("portal.apply.protocol")}: <strong data-testid="protocol">{summary.protocolNumber}</strong>
      </p>
      <p className="mb-1">
        {t("portal.apply.receipt")}: <strong data-testid="receipt-code">{summary.receiptCode}</strong>
      </p>
      <p className="mb-0">
        {t("portal.apply.keepReceipt")}{" "}
        <Link to={`/stato-domanda?codice=${summary.receiptCode}`}>{t("portal.nav.status")}</Link>
      </p>
    </div>
  );
}

function Draft({ id, call, base }: { id: number; call: CallDto; base: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const app = useQuery({
    queryKey: ["portal", "application", id],
    queryFn: () => api.get<ApplicationDto>(`${base}/${id}`),
  });
  const [docCode, setDocCode] = useState(call.requiredDocuments[0]?.code ?? "altro");
  const [file, setFile] = useState<File | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ["portal"] });
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error("no file");
      return api.post<ApplicationDto>(`${base}/${id}/attachments`, {
        documentCode: docCode,
        filename: file.name,
        mediaType: file.type,
        contentBase64: await readBase64(file),
      });
    },
    onSuccess: (data) => {
      qc.setQueryData(["portal", "application", id], data);
      setFile(null);
    },
  });
  const submit = useMutation({ mutationFn: () => api.post(`${base}/${id}/submit`), onSuccess: refresh });
  if (!app.data) return app.isPending ? <Loading /> : <ErrorAlert error={app.error} />;
  const a = app.data;
  const problems = submit.error instanceof ApiError ? submit.error.fields : [];
  const uploadError = upload.error instanceof ApiError ? upload.error.fields[0]?.message : undefined;
  return (
    <>
      {a.status === "needs_documents" ? (
        <div className="alert alert-warning" role="status">
          {t("portal.apply.documentsRequested")}: {a.documentsRequest}
        </div>
      ) : (
        <p>{t("portal.apply.draftSaved")}</p>
      )}
      {a.applicantComune ? null : <ComuneFix ambito={call.ambito} url={`${base}/${id}`} />}
      <h2 className="h5">{t("portal.apply.check")}</h2>
      <EvaluationView evaluation={a.evaluation} />
      <h2 className="h5">{t("portal.apply.documents")}</h2>
      {a.missingDocuments.length ? (
        <p>
          {t("portal.apply.missing")}: {a.missingDocuments.map((d) => d.label).join("; ")}
        </p>
      ) : null}
      <ul data-testid="attachments">
        {a.attachments.map((x) => (
          <li key={x.id}>
            {x.filename} ({Math.ceil(x.sizeBytes / 1024)} KB)
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate();
        }}
        className="mb-4"
      >
        <SelectField id="doc-code" label={t("portal.apply.documentType")} value={docCode} onChange={setDocCode}>
          {call.requiredDocuments.map((d) => (
            <option key={d.code} value={d.code}>
              {d.label}
            </option>
          ))}
          <option value="altro">{t("portal.apply.otherDocument")}</option>
        </SelectField>
        <div className="form-group">
          <label htmlFor="doc-file" className="active">
            {t("portal.apply.file")}
          </label>
          <input
            id="doc-file"
            type="file"
            className="form-control"
            accept="application/pdf,image/png,image/jpeg"
            aria-describedby="doc-file-hint"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <small id="doc-file-hint" className="form-text">
            {t("portal.apply.fileHint")}
          </small>
        </div>
        {upload.isError ? (
          <div className="alert alert-danger" role="alert">
            {t("portal.apply.uploadRefused")} {uploadError}
          </div>
        ) : null}
        <button type="submit" className="btn btn-outline-primary" disabled={!file || upload.isPending}>
          {t("portal.apply.upload")}
        </button>
      </form>
      {submit.isError ? (
        <div className="alert alert-danger" role="alert">
          {t("portal.apply.submitRefused")} {submit.error.message}
          {problems.length ? (
            <ul className="mb-0">
              {problems.map((p) => (
                <li key={p.path}>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <button type="button" className="btn btn-primary" onClick={() => submit.mutate()} disabled={submit.isPending}>
        {a.status === "needs_documents" ? t("portal.apply.resubmit") : t("portal.apply.submit")}
      </button>
    </>
  );
}

/** A draft saved before the Comune of residence was asked: it must be given before submission. */
function ComuneFix({ ambito, url }: { ambito: string; url: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [comune, setComune] = useState("");
  const save = useMutation({
    mutationFn: () => api.patch<ApplicationDto>(url, { applicantComune: comune }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["portal"] }),
  });
  const error = save.error instanceof ApiError ? save.error.fieldMap().applicantComune : undefined;
  return (
    <form
      className="mb-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (comune) save.mutate();
      }}
    >
      <p>{t("portal.apply.comuneNeeded")}</p>
      <ComuneSelect id="draft-comune" ambito={ambito} value={comune} onChange={setComune} error={error} />
      <button type="submit" className="btn btn-outline-primary" disabled={!comune || save.isPending}>
        {t("portal.apply.comuneSave")}
      </button>
    </form>
  );
}

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { TextField } from "../../components/TextField.tsx";
import { base } from "./data.ts";

/** Uploads a document (multipart); the server checks size and that the content is what the name says. */
export function AttachmentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const fileRef = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const upload = useMutation({
    mutationFn: async () => {
      const file = fileRef.current?.files?.[0];
      const body = new FormData();
      if (description.trim()) body.append("description", description.trim());
      if (expiresOn) body.append("expiresOn", expiresOn);
      if (file) body.append("file", file, file.name);
      return api.upload(`${base(ambito.slug)}/cases/${caseId}/attachments`, body);
    },
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(upload.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg p-4 my-3" aria-label={t("cases.documents.add")}>
      {upload.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(upload.error, t)}
        </div>
      ) : null}
      <div className="form-group">
        <label htmlFor="attachment-file" className="active">
          {t("cases.documents.file")}
        </label>
        <input
          id="attachment-file"
          ref={fileRef}
          type="file"
          className="form-control"
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.txt"
          aria-describedby={errors.file ? "attachment-file-error attachment-file-hint" : "attachment-file-hint"}
          aria-invalid={errors.file ? true : undefined}
        />
        <small id="attachment-file-hint" className="form-text">
          {t("cases.documents.hint")}
        </small>
        {errors.file ? (
          <div id="attachment-file-error" className="invalid-feedback d-block">
            {errors.file}
          </div>
        ) : null}
      </div>
      <div className="row">
        <div className="col-12 col-md-8">
          <TextField
            id="attachment-description"
            label={t("cases.documents.description")}
            value={description}
            onChange={setDescription}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id="attachment-expires"
            type="date"
            label={t("cases.documents.expires")}
            value={expiresOn}
            onChange={setExpiresOn}
            error={errors.expiresOn}
          />
        </div>
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
          {t("cases.documents.upload")}
        </button>
      </div>
    </form>
  );
}

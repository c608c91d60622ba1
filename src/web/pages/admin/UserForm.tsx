import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserDto } from "../../../shared/contracts/admin.ts";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { TextField } from "../../components/TextField.tsx";
import { useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { RolesEditor } from "./RolesEditor.tsx";
import { type RoleRow, rowsOf, toAssignments } from "./roleRows.ts";

interface UserFormProps {
  /** The account to edit; a new account when absent. */
  user?: UserDto;
  onSaved: (user: UserDto, created: boolean) => void;
  onCancel: () => void;
}

/** Create (POST) or edit (PATCH) an account and its roles in the Ambito; field errors beside the fields. */
export function UserForm({ user, onSaved, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const detail = useAmbitoDetail(ambito.slug);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [username, setUsername] = useState(user?.username ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [email, setEmail] = useState(user?.email ?? "");
  const [password, setPassword] = useState("");
  const [active, setActive] = useState(user?.active ?? true);
  const [rows, setRows] = useState<RoleRow[]>(rowsOf(user));
  const base = `/api/ambiti/${ambito.slug}/users`;

  const save = useMutation({
    mutationFn: () => {
      const roles = toAssignments(rows);
      if (user) {
        return api.patch<UserDto>(`${base}/${user.id}`, { displayName, email: email.trim() || null, active, roles });
      }
      const body = { username, displayName, password, roles, ...(email.trim() ? { email: email.trim() } : {}) };
      return api.post<UserDto>(base, body);
    },
    onSuccess: (saved) => onSaved(saved, !user),
    onError: () => requestAnimationFrame(() => alertRef.current?.focus()),
  });
  const errors = fieldErrorsOf(save.error, t);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section aria-labelledby="user-form-title" className="card card-bg shadow-sm rounded mb-5 user-form">
      <div className="card-body p-4">
        <h2 id="user-form-title" className="h3 mb-4" ref={headingRef} tabIndex={-1}>
          {user ? t("users.editTitle", { username: user.username }) : t("users.newTitle")}
        </h2>
        {save.isError ? (
          <div className="alert alert-danger mb-5" role="alert" ref={alertRef} tabIndex={-1}>
            {errorText(save.error, t)}
          </div>
        ) : null}
        <form onSubmit={submit} noValidate>
          <div className="row mt-4">
            {user ? null : (
              <div className="col-12 col-md-6">
                <TextField
                  id="user-username"
                  label={t("users.username")}
                  hint={t("users.usernameHint")}
                  value={username}
                  onChange={setUsername}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  error={errors.username}
                />
              </div>
            )}
            <div className="col-12 col-md-6">
              <TextField
                id="user-display-name"
                label={t("users.displayName")}
                value={displayName}
                onChange={setDisplayName}
                autoComplete="off"
                required
                error={errors.displayName}
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="user-email"
                type="email"
                label={t("users.emailOptional")}
                value={email}
                onChange={setEmail}
                autoComplete="off"
                error={errors.email}
              />
            </div>
            {user ? null : (
              <div className="col-12 col-md-6">
                <TextField
                  id="user-password"
                  type="password"
                  label={t("users.initialPassword")}
                  hint={t("users.initialPasswordHint")}
                  value={password}
                  onChange={setPassword}
                  autoComplete="new-password"
                  required
                  error={errors.password}
                />
              </div>
            )}
            {user ? (
              <div className="col-12 col-md-6">
                <div className="form-check mb-4">
                  <input
                    id="user-active"
                    type="checkbox"
                    checked={active}
                    onChange={(e) => setActive(e.target.checked)}
                    aria-invalid={errors.active ? true : undefined}
                    aria-describedby={errors.active ? "user-active-error" : undefined}
                  />
                  <label htmlFor="user-active">{t("users.activeLabel")}</label>
                  {errors.active ? (
                    <div id="user-active-error" className="invalid-feedback d-block field-error">
                      {errors.active}
                    </div>
                  ) : null}
                </div>
              </div>
            ) : null}
          </div>
          <RolesEditor rows={rows} onChange={setRows} detail={detail.data} errors={errors} />
          <div className="d-flex gap-2 flex-wrap">
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {user ? t("common.save") : t("users.create")}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

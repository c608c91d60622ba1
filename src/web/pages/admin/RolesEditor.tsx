import { useTranslation } from "react-i18next";
import { ROLE_SCOPE, type Role } from "../../../shared/contracts/rbac.ts";
import type { AmbitoDetail } from "../../../shared/contracts/territory.ts";
import { Icon } from "../../components/Icon.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { ASSIGNABLE_ROLES, emptyRow, type RoleRow } from "./roleRows.ts";

interface RolesEditorProps {
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  detail: AmbitoDetail | undefined;
  errors: Record<string, string>;
}

/** The roles of an account in this Ambito, each with the Comune, team or organisation it needs. */
export function RolesEditor({ rows, onChange, detail, errors }: RolesEditorProps) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<RoleRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset className="mb-4" aria-describedby={errors.roles ? "roles-error" : undefined}>
      <legend className="h5">{t("users.rolesLegend")}</legend>
      {errors.roles ? (
        <div id="roles-error" className="invalid-feedback d-block field-error mb-3">
          {errors.roles}
        </div>
      ) : null}
      {rows.map((row, i) => {
        const scope = row.role ? ROLE_SCOPE[row.role] : undefined;
        const at = (f: string) => errors[`roles.${i}.${f}`];
        const teams = (detail?.teams ?? []).filter((team) => !team.comuneIstat || team.comuneIstat === row.comuneIstat);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position
          <fieldset key={i} className="border rounded p-3 pt-4 mb-3 role-row">
            <legend className="h6 float-none w-auto px-2">{t("users.roleN", { n: i + 1 })}</legend>
            <div className="row">
              <div className="col-12 col-md-6">
                <SelectField
                  id={`role-${i}`}
                  label={t("users.role")}
                  value={row.role}
                  required
                  error={at("role")}
                  onChange={(v) => update(i, { ...emptyRow(), role: v as Role | "" })}
                >
                  <option value="">{t("users.chooseRole")}</option>
                  {ASSIGNABLE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
              {scope && scope.comune !== "none" ? (
                <div className="col-12 col-md-6">
                  <SelectField
                    id={`role-${i}-comune`}
                    label={scope.comune === "required" ? t("users.comune") : t("users.comuneOptional")}
                    value={row.comuneIstat}
                    required={scope.comune === "required"}
                    error={at("comuneIstat")}
                    onChange={(v) => update(i, { comuneIstat: v, teamId: "" })}
                  >
                    <option value="">
                      {t(scope.comune === "required" ? "users.chooseComune" : "users.wholeAmbito")}
                    </option>
                    {(detail?.comuni ?? []).map((c) => (
                      <option key={c.istatCode} value={c.istatCode}>
                        {c.name}
                      </option>
                    ))}
                  </SelectField>
                </div>
              ) : null}
              {row.role === "social_worker" && teams.length ? (
                <div className="col-12 col-md-6">
                  <SelectField
                    id={`role-${i}-team`}
                    label={t("users.teamOptional")}
                    value={row.teamId}
                    error={at("teamId")}
                    onChange={(v) => update(i, { teamId: v })}
                  >
                    <option value="">{t("users.noTeam")}</option>
                    {teams.map((team) => (
                      <option key={team.id} value={String(team.id)}>
                        {team.name}
                      </option>
                    ))}
                  </SelectField>
                </div>
              ) : null}
              {scope?.organisation ? (
                <div className="col-12 col-md-6">
                  <SelectField
                    id={`role-${i}-organisation`}
                    label={t("users.organisation")}
                    value={row.organisationId}
                    required
                    error={at("organisationId")}
                    onChange={(v) => update(i, { organisationId: v })}
                  >
                    <option value="">{t("users.chooseOrganisation")}</option>
                    {(detail?.organisations ?? []).map((o) => (
                      <option key={o.id} value={String(o.id)}>
                        {o.name}
                      </option>
                    ))}
                  </SelectField>
                </div>
              ) : null}
            </div>
            {rows.length > 1 ? (
              <button
                type="button"
                className="btn btn-outline-danger btn-xs"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <Icon name="delete" className="icon-danger icon-sm me-1" />
                {t("users.removeRole", { n: i + 1 })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onChange([...rows, emptyRow()])}>
        <Icon name="plus" className="icon-primary icon-sm me-1" />
        {t("users.addRole")}
      </button>
    </fieldset>
  );
}

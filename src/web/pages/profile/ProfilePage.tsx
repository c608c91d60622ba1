import { useTranslation } from "react-i18next";
import { useMe } from "../../auth/useMe.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { PasswordForm } from "./PasswordForm.tsx";
import { RoleList } from "./RoleList.tsx";

/** /profilo: who the user is, their roles, and the password change. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const rows: [string, string][] = [
    [t("profile.displayName"), me.user.displayName],
    [t("profile.username"), me.user.username],
    [t("profile.authMethod"), t(`profile.authMethods.${me.user.authMethod}`, { defaultValue: me.user.authMethod })],
  ];
  return (
    <>
      <PageHeader title={t("profile.title")} />
      <section aria-labelledby="profile-info" className="mb-5">
        <h2 id="profile-info" className="h3">
          {t("profile.infoTitle")}
        </h2>
        <dl className="row">
          {rows.map(([term, value]) => (
            <div className="col-12 col-md-4 mb-2" key={term}>
              <dt>{term}</dt>
              <dd className="mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="profile-roles" className="mb-5">
        <h2 id="profile-roles" className="h3">
          {t("profile.rolesTitle")}
        </h2>
        <RoleList />
      </section>
      {me.user.authMethod === "password" ? <PasswordForm /> : null}
    </>
  );
}

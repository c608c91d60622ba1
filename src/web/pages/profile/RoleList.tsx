import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AmbitoDetail } from "../../../shared/contracts/territory.ts";
import { api } from "../../api.ts";
import { useMe } from "../../auth/useMe.ts";

/** The user's roles with the Ambito (and Comune) each one applies to. */
export function RoleList() {
  const { t } = useTranslation();
  const me = useMe();
  const ambitoName = (slug: string | null) =>
    slug === null ? t("profile.allAmbiti") : (me.ambiti.find((a) => a.slug === slug)?.name ?? slug);
  // Comune names come with each Ambito's detail (when the user may read its territory).
  const slugs = me.ambiti.filter((a) => a.permissions.includes("territory:read")).map((a) => a.slug);
  const details = useQueries({
    queries: slugs.map((slug) => ({
      queryKey: ["ambito", slug],
      queryFn: () => api.get<AmbitoDetail>(`/api/ambiti/${encodeURIComponent(slug)}`),
      staleTime: 10 * 60_000,
      enabled: me.user.roles.some((r) => r.ambito === slug && r.comuneIstat),
    })),
  });
  const names = new Map(details.flatMap((d) => (d.data?.comuni ?? []).map((c) => [c.istatCode, c.name] as const)));
  if (me.user.roles.length === 0) return <p>{t("profile.noRoles")}</p>;
  return (
    <div className="table-responsive">
      <table className="table">
        <caption className="visually-hidden">{t("profile.rolesTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("profile.role")}</th>
            <th scope="col">{t("profile.ambito")}</th>
            <th scope="col">{t("profile.comune")}</th>
          </tr>
        </thead>
        <tbody>
          {me.user.roles.map((r) => (
            <tr key={`${r.role}-${r.ambito}-${r.comuneIstat}-${r.teamId}-${r.organisationId}`}>
              <th scope="row">{t(`roles.${r.role}`)}</th>
              <td>{ambitoName(r.ambito)}</td>
              <td>
                {r.comuneIstat
                  ? (names.get(r.comuneIstat) ?? r.comuneIstat)
                  : r.ambito
                    ? t("profile.wholeAmbito")
                    : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

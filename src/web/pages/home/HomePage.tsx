import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny, rolesIn } from "../../auth/permissions.ts";
import { useMe } from "../../auth/useMe.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { RoleCards } from "./RoleCards.tsx";
import { TerritoryCard } from "./TerritoryCard.tsx";

function greetingKey(hour: number): string {
  if (hour >= 5 && hour < 13) return "home.greetingMorning";
  if (hour >= 13 && hour < 18) return "home.greetingAfternoon";
  return "home.greetingEvening";
}

/** The Ambito's home page: a greeting, cards for the user's roles there, and the territory. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const ambito = useAmbito();
  const roles = rolesIn(me, ambito.slug);
  const canTerritory = canAny(ambito, ["territory:read"]);
  const detail = useAmbitoDetail(ambito.slug, canTerritory);
  const names = comuneNames(detail.data);
  const roleLabels = roles.map((r) =>
    r.comuneIstat
      ? t("roles.withComune", { role: t(`roles.${r.role}`), comune: names.get(r.comuneIstat) ?? r.comuneIstat })
      : t(`roles.${r.role}`),
  );

  return (
    <>
      <PageHeader
        title={t(greetingKey(new Date().getHours()), { name: me.user.displayName })}
        documentTitle={`${t("home.title")} – ${ambito.name}`}
        lead={t("home.lead", { ambito: ambito.name })}
      />
      <p>
        <strong>{t("home.yourRoles", { count: roleLabels.length })}</strong> {roleLabels.join("; ")}
      </p>
      <section aria-labelledby="home-activities" className="mt-4">
        <h2 id="home-activities" className="h3 mb-3">
          {t("home.activities")}
        </h2>
        <RoleCards roles={roles} comuneNames={names} />
      </section>
      {canTerritory ? <TerritoryCard query={detail} /> : null}
    </>
  );
}

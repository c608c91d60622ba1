import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny, type RoleAssignment } from "../../auth/permissions.ts";
import { SectionCard } from "../../components/SectionCard.tsx";
import { sectionById } from "../../sections.ts";
import { CARDS, type CardId, ROLE_CARDS } from "./homeCards.ts";

interface RoleCardsProps {
  roles: RoleAssignment[];
  comuneNames: Map<string, string>;
}

/** The cards for the user's roles in the Ambito, without duplicates, only for sections the user may open. */
export function RoleCards({ roles, comuneNames }: RoleCardsProps) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const ids: CardId[] = [];
  for (const r of roles) for (const id of ROLE_CARDS[r.role]) if (!ids.includes(id)) ids.push(id);
  const cards = ids.map((id) => CARDS[id]).filter((c) => canAny(ambito, sectionById(c.section).permissions));
  const workerComuni = roles
    .filter((r) => r.role === "social_worker" && r.comuneIstat)
    .map((r) => comuneNames.get(r.comuneIstat ?? "") ?? r.comuneIstat);

  if (cards.length === 0) return <p>{t("home.noCards")}</p>;
  return (
    <div className="row">
      {cards.map((card) => {
        const section = sectionById(card.section);
        const text =
          card.id === "casework" && workerComuni.length
            ? t("home.cards.caseworkComuni", { comuni: workerComuni.join(", ") })
            : t(`home.cards.${card.id}.text`);
        return (
          <div className="col-12 col-md-6 col-lg-4" key={card.id}>
            <SectionCard
              title={t(`home.cards.${card.id}.title`)}
              text={text}
              to={`/a/${ambito.slug}/${section.path}`}
              icon={section.icon}
              readOnly={card.write.length > 0 && !canAny(ambito, card.write)}
            />
          </div>
        );
      })}
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { useAmbito } from "../auth/AmbitoContext.ts";
import { RequirePermission } from "../auth/RequirePermission.tsx";
import { Icon } from "../components/Icon.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { type SectionId, sectionById } from "../sections.ts";

/** A module not built yet: its name, what it will do, and that it is coming. */
export function ModulePage({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const def = sectionById(section);
  return (
    <RequirePermission any={def.permissions}>
      <PageHeader
        title={t(`sections.${section}.title`)}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
      />
      <div className="callout">
        <h2 className="callout-title h5">
          <Icon name="info-circle" />
          <span className="text">{t("module.coming")}</span>
        </h2>
        <p>{t(`sections.${section}.description`)}</p>
      </div>
    </RequirePermission>
  );
}

import { useTranslation } from "react-i18next";
import type { ProfileIndex } from "./data.ts";

/** Under the values: the ISTAT formula, how the Ambito is computed, what "pubblicato" means. */
export function FormulaNotes({ index, indicator }: { index: ProfileIndex; indicator: string }) {
  const { t } = useTranslation();
  const info = index.info(indicator);
  return (
    <div className="formula-notes small">
      {info ? (
        <p className="mb-1">
          <strong>{t("observatory.formulaLabel")}</strong> <span data-testid="formula">{info.formula}</span>
        </p>
      ) : null}
      <p className="mb-1">{t("observatory.ambitoNote")}</p>
      <p className="mb-0">
        <span className="badge badge-published me-1">{t("observatory.published")}</span>
        {t("observatory.publishedNote")}
      </p>
    </div>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/SelectField.tsx";
import { ChartSection } from "./charts.tsx";
import { AMBITO, type ProfileIndex } from "./data.ts";
import { PyramidChart } from "./PyramidChart.tsx";

/** The population pyramid with its own territory and year. */
export function PyramidSection({ index }: { index: ProfileIndex }) {
  const { t } = useTranslation();
  const [territory, setTerritory] = useState(AMBITO);
  const [chosenYear, setYear] = useState<number | null>(null);
  const years = index.populationYears();
  const year = chosenYear ?? years[0];
  const name = territory === AMBITO ? t("observatory.ambito") : index.name(territory);
  return (
    <ChartSection id="pyramid" title={t("observatory.pyramid.title")}>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="pyramid-territory"
            label={t("observatory.pyramid.territory")}
            value={territory}
            onChange={setTerritory}
          >
            <option value={AMBITO}>{t("observatory.ambito")}</option>
            {index.comuni().map((c) => (
              <option key={c.istatCode} value={c.istatCode}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="pyramid-year"
            label={t("observatory.pyramid.year")}
            value={String(year ?? "")}
            onChange={(v) => setYear(Number(v))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <PyramidChart slug={index.profile.ambito.slug} territory={territory} territoryName={name} year={year} />
    </ChartSection>
  );
}

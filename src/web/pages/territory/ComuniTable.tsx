import { useTranslation } from "react-i18next";
import type { ComuneDto } from "../../../shared/contracts/territory.ts";

/** The Comuni of an Ambito with their codes. */
export function ComuniTable({ comuni }: { comuni: ComuneDto[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-striped">
        <caption>{t("territory.comuniCaption", { count: comuni.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("territory.comune")}</th>
            <th scope="col">{t("territory.istat")}</th>
            <th scope="col">{t("territory.cadastral")}</th>
            <th scope="col">{t("territory.province")}</th>
          </tr>
        </thead>
        <tbody>
          {comuni.map((c) => (
            <tr key={c.istatCode}>
              <th scope="row">{c.name}</th>
              <td>{c.istatCode}</td>
              <td>{c.cadastralCode}</td>
              <td>{c.provinceAbbr}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PersonDto } from "../../../shared/contracts/people.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";

/** People found, with their codice fiscale and Comune. */
/** `capped`: the server stopped counting at `total` (a very broad search): "more than N". */
export function PeopleTable({
  people,
  total,
  capped = false,
}: {
  people: PersonDto[];
  total: number;
  capped?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const detail = useAmbitoDetail(ambito.slug);
  const names = comuneNames(detail.data);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  if (people.length === 0) return <p className="mt-3">{t("people.none")}</p>;
  return (
    <div className="table-responsive mt-3">
      <table className="table table-striped">
        <caption>{t(capped ? "people.captionMore" : "people.caption", { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("people.familyName")}</th>
            <th scope="col">{t("people.givenName")}</th>
            <th scope="col">{t("people.fiscalCode")}</th>
            <th scope="col">{t("people.birthDate")}</th>
            <th scope="col">{t("people.comune")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/a/${ambito.slug}/cartella/persone/${p.id}`}>{p.familyName}</Link>
              </th>
              <td>{p.givenName}</td>
              <td>{p.fiscalCode ? <code>{p.fiscalCode}</code> : <em>{t("people.provisional")}</em>}</td>
              <td>{p.birthDate ? <time dateTime={p.birthDate}>{format.format(new Date(p.birthDate))}</time> : "—"}</td>
              <td>{names.get(p.comuneIstat) ?? p.comuneIstat}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Icon } from "../../components/Icon.tsx";
import { downloadUrls } from "./data.ts";

/** The profile as CSV, XLSX and open data (small counts suppressed), and the printable version. */
export function Downloads({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const urls = downloadUrls(slug);
  const links = [
    {
      href: urls.csv,
      icon: "file-csv",
      label: t("observatory.downloads.csv"),
      hint: t("observatory.downloads.csvHint"),
    },
    {
      href: urls.xlsx,
      icon: "file-xlsx",
      label: t("observatory.downloads.xlsx"),
      hint: t("observatory.downloads.xlsxHint"),
    },
    {
      href: urls.openData,
      icon: "file-csv",
      label: t("observatory.downloads.openData"),
      hint: t("observatory.downloads.openDataHint"),
    },
  ];
  return (
    <section aria-labelledby="downloads-title" className="mb-5 d-print-none">
      <h2 id="downloads-title" className="h4">
        {t("observatory.downloads.title")}
      </h2>
      <ul className="list-unstyled row g-3">
        {links.map((l) => (
          <li key={l.href} className="col-12 col-md-6 col-lg-4">
            <a className="btn btn-outline-primary w-100 text-start download-link" href={l.href} download>
              <Icon name={l.icon} className="icon-primary icon-sm me-2" />
              {l.label}
            </a>
            <p className="small text-muted-strong mt-1 mb-0">{l.hint}</p>
          </li>
        ))}
      </ul>
      <Link className="btn btn-primary" to={`/a/${slug}/osservatorio/stampa`}>
        <Icon name="print" className="icon-white icon-sm me-2" />
        {t("observatory.print.link")}
      </Link>
    </section>
  );
}

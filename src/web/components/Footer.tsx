import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Icon } from "./Icon.tsx";

/** Footer: the brand, what Filiera is, and useful links. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row clearfix">
            <div className="col-sm-12">
              <div className="it-brand-wrapper">
                <Link to="/" className="brand-link">
                  <Icon name="pa" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t("app.name")}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t("app.tagline")}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="row">
            <div className="col-lg-6 col-md-6 pb-2">
              <h2 className="h5 footer-heading">{t("footer.aboutTitle")}</h2>
              <p>{t("footer.about")}</p>
            </div>
            <div className="col-lg-6 col-md-6 pb-2">
              <h2 className="h5 footer-heading">{t("footer.linksTitle")}</h2>
              <div className="link-list-wrapper">
                <ul className="footer-list link-list clearfix">
                  <li>
                    <a className="list-item" href="/api/docs">
                      {t("footer.apiDocs")}
                    </a>
                  </li>
                  <li>
                    <a className="list-item" href="https://interoperable-europe.ec.europa.eu/collection/eupl">
                      {t("footer.licence")}
                    </a>
                  </li>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <p className="mb-0 py-3 small-prints-text">{t("footer.smallPrints")}</p>
        </div>
      </div>
    </footer>
  );
}

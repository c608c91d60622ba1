import { useTranslation } from "react-i18next";
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
                <Icon name="pa" />
                <div className="it-brand-text">
                  <p className="it-brand-title">{t("app.name")}</p>
                  <p className="it-brand-tagline d-none d-md-block">{t("app.tagline")}</p>
                </div>
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

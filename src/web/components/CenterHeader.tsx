import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Icon } from "./Icon.tsx";

/** Center header: the Filiera brand. */
export function CenterHeader() {
  const { t } = useTranslation();
  return (
    <div className="it-header-center-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon name="pa" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t("app.name")}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t("app.tagline")}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

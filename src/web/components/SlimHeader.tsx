import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MeContext } from "../auth/useMe.ts";
import { AmbitoSwitch } from "./AmbitoSwitch.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { NotificationBell } from "./NotificationBell.tsx";
import { UserMenu } from "./UserMenu.tsx";

/** Slim header: the ente, the language menu, the notifications and the user menu (or the login link). */
export function SlimHeader() {
  const { t } = useTranslation();
  const me = useContext(MeContext);
  return (
    <div className="it-header-slim-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <div className="it-header-slim-wrapper-content">
              <AmbitoSwitch />
              <div className="it-header-slim-right-zone">
                <LanguageSwitch />
                {me ? (
                  <>
                    <NotificationBell />
                    <UserMenu />
                  </>
                ) : (
                  <div className="it-access-top-wrapper">
                    <Link className="btn btn-primary btn-sm" to="/login">
                      {t("header.login")}
                    </Link>
                  </div>
                )}
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

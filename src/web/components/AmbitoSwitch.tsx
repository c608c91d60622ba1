import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useOptionalAmbito } from "../auth/AmbitoContext.ts";
import { MeContext } from "../auth/useMe.ts";
import { Dropdown } from "./Dropdown.tsx";

/** Left zone of the slim header: the ente (current Ambito) and, with several Ambiti, the selector. */
export function AmbitoSwitch() {
  const { t } = useTranslation();
  const me = useContext(MeContext);
  const ambito = useOptionalAmbito();
  const others = me?.ambiti ?? [];
  return (
    <div className="d-flex align-items-center flex-wrap ambito-switch">
      {ambito ? (
        <Link className="navbar-brand" to={`/a/${ambito.slug}`}>
          {ambito.name}
        </Link>
      ) : (
        <span className="navbar-brand">{t("header.ente")}</span>
      )}
      {others.length > 1 ? (
        <Dropdown label={<span>{t("header.switchAmbito")}</span>} wrapperClassName="ms-lg-3">
          {(close) =>
            others.map((a) => (
              <li key={a.slug}>
                <Link
                  className="dropdown-item list-item"
                  to={`/a/${a.slug}`}
                  aria-current={a.slug === ambito?.slug ? "true" : undefined}
                  onClick={close}
                >
                  <span>{a.name}</span>
                </Link>
              </li>
            ))
          }
        </Dropdown>
      ) : null}
    </div>
  );
}

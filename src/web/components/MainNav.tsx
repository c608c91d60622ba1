import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useAmbito } from "../auth/AmbitoContext.ts";
import { canAny } from "../auth/permissions.ts";
import { useDisclosure } from "../hooks/useDisclosure.ts";
import { SECTIONS } from "../sections.ts";
import { Icon } from "./Icon.tsx";

/** Main navigation: the module sections the user may open in the current Ambito. */
export function MainNav() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const { open, setOpen, toggle, containerRef, toggleRef } = useDisclosure<HTMLDivElement, HTMLButtonElement>();
  const sections = SECTIONS.filter((s) => canAny(ambito, s.permissions));

  // On small screens the menu is a panel over the page: move focus into it when it opens.
  useEffect(() => {
    if (open) containerRef.current?.querySelector<HTMLElement>("a")?.focus();
  }, [open, containerRef]);
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <div className="it-header-navbar-wrapper" id="main-nav">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <nav className="navbar navbar-expand-lg" aria-label={t("nav.label")}>
              <button
                type="button"
                ref={toggleRef}
                className="custom-navbar-toggler"
                aria-controls="main-nav-menu"
                aria-expanded={open}
                onClick={toggle}
              >
                <Icon name="burger" />
                <span className="visually-hidden">{t("nav.toggle")}</span>
              </button>
              <div
                id="main-nav-menu"
                className={`navbar-collapsable ${open ? "expanded" : ""}`}
                style={open ? { display: "block" } : undefined}
              >
                <div className="overlay" style={open ? { display: "block" } : undefined} />
                <div className="close-div">
                  <button type="button" className="btn close-menu" onClick={close}>
                    <span className="visually-hidden">{t("nav.close")}</span>
                    <Icon name="close-big" />
                  </button>
                </div>
                <div className="menu-wrapper" ref={containerRef}>
                  <ul className="navbar-nav">
                    {sections.map((s) => (
                      <li className="nav-item" key={s.id}>
                        <NavLink className="nav-link" to={`/a/${ambito.slug}/${s.path}`} onClick={() => setOpen(false)}>
                          <span>{t(`sections.${s.id}.title`)}</span>
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </nav>
          </div>
        </div>
      </div>
    </div>
  );
}

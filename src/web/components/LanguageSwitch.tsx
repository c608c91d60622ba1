import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../i18n/index.ts";
import { Dropdown } from "./Dropdown.tsx";

/** The language menu of the slim header; the <html lang> follows (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Dropdown srPrefix={`${t("header.language")} `} label={<span>{t(`languages.short.${current}`)}</span>}>
      {(close) =>
        LANGUAGES.map((lng) => (
          <li key={lng}>
            <button
              type="button"
              className="dropdown-item list-item btn-language"
              lang={lng}
              aria-current={lng === current ? "true" : undefined}
              onClick={() => {
                void i18n.changeLanguage(lng);
                close();
              }}
            >
              <span>{t(`languages.name.${lng}`, { lng })}</span>
            </button>
          </li>
        ))
      }
    </Dropdown>
  );
}

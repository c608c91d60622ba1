import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGE_KEY, storage } from "../storage.ts";
import en from "./en.json" with { type: "json" };
import it from "./it.json" with { type: "json" };
import budgetEn from "./modules/budget.en.json" with { type: "json" };
import budgetIt from "./modules/budget.it.json" with { type: "json" };
import casesEn from "./modules/cases.en.json" with { type: "json" };
import casesIt from "./modules/cases.it.json" with { type: "json" };
import catalogueEn from "./modules/catalogue.en.json" with { type: "json" };
import catalogueIt from "./modules/catalogue.it.json" with { type: "json" };
import notificationsEn from "./modules/notifications.en.json" with { type: "json" };
import notificationsIt from "./modules/notifications.it.json" with { type: "json" };
import planningEn from "./modules/planning.en.json" with { type: "json" };
import planningIt from "./modules/planning.it.json" with { type: "json" };

/** Italian is the source language; English second. */
export const LANGUAGES = ["it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const saved = storage.get(LANGUAGE_KEY);
const initial: Language = saved === "en" ? "en" : "it";

void i18n.use(initReactI18next).init({
  // Each module keeps its texts in its own file under its own top-level keys.
  resources: {
    it: { translation: { ...it, ...casesIt, ...planningIt, ...catalogueIt, ...budgetIt, ...notificationsIt } },
    en: { translation: { ...en, ...casesEn, ...planningEn, ...catalogueEn, ...budgetEn, ...notificationsEn } },
  },
  lng: initial,
  fallbackLng: "it",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
});

document.documentElement.lang = initial;
i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
  storage.set(LANGUAGE_KEY, lng);
});

export default i18n;

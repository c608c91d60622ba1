import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  logIn,
  navLinks,
  newPage,
  setUpAppInBrowser,
  waitForCount,
  waitForHeading,
} from "./browser.ts";

const VISCONTEO = "Ambito Territoriale Sociale Visconteo Sud Milano";
const CERNUSCO = "Ambito Distrettuale di Cernusco sul Naviglio (Distretto 4)";
const MILANO = "Comune di Milano";

/** The page heading of each section reached from the main navigation. */
const SECTION_HEADINGS: Record<string, string> = {
  Osservatorio: "Osservatorio",
  Programmazione: "Programmazione",
  Bilancio: "Bilancio",
  Offerta: "Offerta",
  "Cartella sociale": "Cartella sociale",
  Territorio: "Territorio",
  Amministrazione: "Utenti",
};

const app = setUpAppInBrowser();

/** Opens the "Cambia Ambito" menu of the slim header and picks an Ambito. */
async function switchAmbito(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "Cambia Ambito" }).click();
  await page.locator(".ambito-switch .dropdown-menu.show").getByRole("link", { name }).click();
  await page.locator(".it-header-slim-wrapper .navbar-brand").filter({ hasText: name }).waitFor();
}

/** The Comuni (or Municipi) listed in the territory card of the home page. */
function territoryList(page: Page, name: RegExp) {
  return page.getByRole("region", { name: "Territorio" }).getByRole("list", { name });
}

/** Clicks every link of the main navigation, checking each page's heading and accessibility. */
async function visitEverySection(page: Page, who: string): Promise<string[]> {
  const links = await navLinks(page);
  for (const link of links) {
    await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: link }).click();
    const heading = SECTION_HEADINGS[link];
    expect(heading, `unexpected navigation entry ${link}`).toBeDefined();
    await waitForHeading(page, heading ?? link);
    expect(await page.title()).toContain(heading);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, `${link} (${who})`);
  }
  return links;
}

async function openUserMenu(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Menu utente/ }).click();
}

describe("web journey", { timeout: 60_000 }, () => {
  it("shows an accessible login page, in Italian and English, and rejects wrong credentials", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/login`);
    await waitForHeading(page, "Accedi a Filiera");
    expect(await page.title()).toBe("Accedi a Filiera · Filiera");
    expect(await page.locator("html").getAttribute("lang")).toBe("it");
    await expectAccessible(page, "login");

    await page.getByRole("textbox", { name: "Nome utente" }).fill("udp.visconteo");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Accedi", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "Credenziali errate" }).waitFor();
    await expectAccessible(page, "login with an error");

    await page.getByRole("button", { name: /^Lingua/ }).click();
    await page.getByRole("button", { name: "English" }).click();
    await waitForHeading(page, "Log in to Filiera");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.title()).toBe("Log in to Filiera · Filiera");
    await expectAccessible(page, "login in English");
    await page.getByRole("button", { name: /^Language/ }).click();
    await page.getByRole("button", { name: "Italiano" }).click();
    await waitForHeading(page, "Accedi a Filiera");
    expect(await page.locator("html").getAttribute("lang")).toBe("it");
    await page.context().close();
  });

  describe("as the Ufficio di Piano of Visconteo Sud Milano", () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(app.browser);
    });

    afterAll(async () => {
      await page?.context().close();
    });

    it("logs in to the home page of its only Ambito, with cards for its role and the territory", async () => {
      await logIn(page, app.server.url, "udp.visconteo", app.server.demoPassword);
      expect(page.url()).toBe(`${app.server.url}/a/visconteo-sud-milano`);
      await waitForHeading(page, "Ufficio di Piano Visconteo");
      expect(await page.title()).toContain("Home");
      await page.getByRole("heading", { name: "Piano di Zona" }).waitFor();
      const comuni = territoryList(page, /Comuni/);
      await waitForCount(comuni.getByRole("listitem"), 11);
      expect(await comuni.textContent()).toContain("Rozzano");
      // A single Ambito: nothing to switch.
      expect(await page.getByRole("button", { name: "Cambia Ambito" }).count()).toBe(0);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "home (udp.visconteo)");
    });

    // One axe run per section: the slowest test on a busy 2-core machine.
    it("opens every section of the navigation", { timeout: 120_000 }, async () => {
      const links = await visitEverySection(page, "udp.visconteo");
      expect(links).toEqual(["Osservatorio", "Programmazione", "Bilancio", "Offerta", "Territorio", "Amministrazione"]);
    });
  });

  describe("as the system administrator", () => {
    let page: Page;
    const username = `e2e.operatore.${Date.now().toString(36)}`;

    beforeAll(async () => {
      page = await newPage(app.browser);
      await logIn(page, app.server.url, "admin", app.server.demoPassword);
    });

    afterAll(async () => {
      await page?.context().close();
    });

    it("switches between the three Ambiti and sees each one's territory", async () => {
      await switchAmbito(page, VISCONTEO);
      expect(page.url()).toBe(`${app.server.url}/a/visconteo-sud-milano`);
      const visconteo = territoryList(page, /Comuni/);
      await waitForCount(visconteo.getByRole("listitem"), 11);
      expect(await visconteo.textContent()).toContain("Rozzano");
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "home (admin, Visconteo)");

      await switchAmbito(page, CERNUSCO);
      expect(page.url()).toBe(`${app.server.url}/a/cernusco-distretto-4`);
      const cernusco = territoryList(page, /Comuni/);
      await waitForCount(cernusco.getByRole("listitem"), 9);
      expect(await cernusco.textContent()).toContain("Gorgonzola");
      expect(await cernusco.textContent()).not.toContain("Rozzano");

      await switchAmbito(page, MILANO);
      expect(page.url()).toBe(`${app.server.url}/a/milano`);
      await waitForCount(territoryList(page, /Municipi/).getByRole("listitem"), 9);
      await waitForCount(territoryList(page, /Comune/).getByRole("listitem"), 1);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "home (admin, Milano)");

      await switchAmbito(page, VISCONTEO);
    });

    // One axe run per section: the slowest test on a busy 2-core machine.
    it("opens every section of the navigation", { timeout: 120_000 }, async () => {
      const links = await visitEverySection(page, "admin");
      expect(links).toEqual(["Territorio", "Amministrazione"]);
      await page
        .getByRole("navigation", { name: "Navigazione principale" })
        .getByRole("link", { name: "Territorio" })
        .click();
      await waitForCount(page.getByRole("table", { name: /Comuni/ }).getByRole("row"), 12); // 11 Comuni + header
    });

    it("creates a user: a bad username is refused beside the field, a good one is listed", async () => {
      await page.goto(`${app.server.url}/a/visconteo-sud-milano/admin/utenti`);
      await waitForHeading(page, "Utenti");
      await page.getByRole("rowheader", { name: "udp.visconteo" }).waitFor();
      await page.getByRole("button", { name: "Nuovo utente" }).click();

      const usernameField = page.getByRole("textbox", { name: "Nome utente", exact: true });
      await usernameField.fill("Bad User!");
      await page.getByRole("textbox", { name: "Nome e cognome" }).fill("Operatore di prova");
      await page.getByLabel("Password iniziale").fill("prova-password-2026");
      await page
        .getByRole("combobox", { name: "Ruolo", exact: true })
        .selectOption({ label: "Operatore Ufficio di Piano" });
      await page.getByRole("button", { name: "Crea utente" }).click();

      const usernameError = page.locator("#user-username-error");
      await usernameError.waitFor();
      expect(await usernameError.textContent()).toContain("Nome utente non valido");
      expect(await usernameField.getAttribute("aria-invalid")).toBe("true");
      expect(await usernameField.getAttribute("aria-describedby")).toContain("user-username-error");
      await page.getByRole("alert").filter({ hasText: "Alcuni campi non sono validi" }).waitFor();
      await expectAccessible(page, "users page with field errors");

      await usernameField.fill(username);
      await page.getByRole("button", { name: "Crea utente" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `Utente ${username} creato.` })
        .waitFor();
      const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: username }) });
      await row.waitFor();
      expect(await row.textContent()).toContain("Operatore Ufficio di Piano");

      await row.getByRole("button", { name: `Modifica ${username}` }).click();
      await page.getByRole("heading", { name: `Modifica l'utente ${username}` }).waitFor();
      await page.getByRole("textbox", { name: "Nome e cognome" }).fill("Operatore di prova (modificato)");
      await page.getByRole("button", { name: "Salva le modifiche" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `Utente ${username} aggiornato.` })
        .waitFor();
      await row.filter({ hasText: "Operatore di prova (modificato)" }).waitFor();
      await expectAccessible(page, "users page");
    });

    it("shows the audit log, and its integrity check says the chain is intact", async () => {
      await page
        .getByRole("navigation", { name: "Sezioni di Amministrazione" })
        .getByRole("link", { name: "Registro accessi" })
        .click();
      await waitForHeading(page, "Registro accessi");
      const events = page.getByRole("table", { name: /event/ });
      await events.waitFor();
      expect(await events.getByRole("row").count()).toBeGreaterThan(1);
      expect(await events.textContent()).toContain("user.create");

      await page.getByRole("textbox", { name: "Azione" }).fill("user.update");
      await page.getByRole("button", { name: "Applica i filtri" }).click();
      await events.filter({ hasText: "user.update" }).waitFor();
      expect(await events.textContent()).not.toContain("user.create");

      await page.getByRole("button", { name: "Verifica integrità" }).click();
      await page.getByRole("status").filter({ hasText: "Integrità verificata" }).waitFor();
      await expectAccessible(page, "audit page");
    });

    it("shows the profile with the roles, and field errors from the password change", async () => {
      await openUserMenu(page);
      await page.getByRole("link", { name: "Profilo" }).click();
      await waitForHeading(page, "Profilo");
      expect(await page.getByRole("table", { name: "I tuoi ruoli" }).textContent()).toContain(
        "Amministratore di sistema",
      );

      await page.getByLabel("Password attuale").fill("not-my-password");
      await page.getByLabel("Nuova password", { exact: true }).fill("una-nuova-password-2026");
      await page.getByLabel("Ripeti la nuova password").fill("una-nuova-password-2026");
      await page.getByRole("button", { name: "Cambia password" }).click();
      await page.locator("#current-password-error").filter({ hasText: "non è corretta" }).waitFor();
      await expectAccessible(page, "profile");
    });

    it("logs out, and the app then asks to log in again", async () => {
      await openUserMenu(page);
      await page.getByRole("button", { name: "Esci" }).click();
      await page.waitForURL(`${app.server.url}/login`);
      await page.getByRole("status").filter({ hasText: "Sei uscito da Filiera" }).waitFor();
      await page.goto(`${app.server.url}/a/visconteo-sud-milano/admin/utenti`);
      await page.waitForURL(`${app.server.url}/login`);
      await waitForHeading(page, "Accedi a Filiera");
    });
  });
});

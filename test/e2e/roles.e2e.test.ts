import { describe, expect, it } from "vitest";
import {
  expectAccessible,
  logIn,
  navLinks,
  newPage,
  setUpAppInBrowser,
  waitForCount,
  waitForHeading,
} from "./browser.ts";

const app = setUpAppInBrowser();

/** What each role sees: the navigation and the home page follow the permissions of the role. */
describe("the web app per role", { timeout: 60_000 }, () => {
  it("shows the Cartella sociale to a social worker, limited to the Comune of Rozzano", async () => {
    const page = await newPage(app.browser);
    await logIn(page, app.server.url, "as.rozzano", app.server.demoPassword);
    const links = await navLinks(page);
    expect(links).toContain("Cartella sociale");
    expect(links).not.toContain("Amministrazione");
    await page.getByText("Anagrafica e prese in carico per i Comuni di: Rozzano.").waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "home (as.rozzano)");

    await page
      .getByRole("navigation", { name: "Navigazione principale" })
      .getByRole("link", { name: "Cartella sociale" })
      .click();
    await waitForHeading(page, "Cartella sociale");
    const people = page.getByRole("table", { name: /persone?$/ });
    // The Comune cell of every listed person: Rozzano only, never Opera or another Comune.
    const comuniListed = async () => new Set(await people.locator("tbody tr td:nth-of-type(4)").allTextContents());
    await people.waitFor();
    expect([...(await comuniListed())]).toEqual(["Rozzano"]);
    const search = async (text: string) => {
      await page.getByRole("searchbox", { name: "Cognome, nome o codice fiscale" }).fill(text);
      await page.getByRole("button", { name: "Cerca" }).click();
      await page.waitForLoadState("networkidle");
    };
    await search("Ferrari");
    await people.filter({ hasText: "Giulia" }).waitFor();
    // Anna Colombo lives in Opera: searching her surname lists no one outside Rozzano.
    await search("Colombo");
    const after = await comuniListed();
    expect(after.size === 0 || (after.size === 1 && after.has("Rozzano"))).toBe(true);
    await expectAccessible(page, "Cartella sociale (as.rozzano)");
    await page.context().close();
  });

  it("gives a mayor read-only dashboards, without Amministrazione nor Cartella sociale", async () => {
    const page = await newPage(app.browser);
    await logIn(page, app.server.url, "sindaco.visconteo", app.server.demoPassword);
    const links = await navLinks(page);
    expect(links).toEqual(["Osservatorio", "Programmazione", "Bilancio", "Territorio"]);
    await page.getByRole("heading", { name: "Cruscotti" }).waitFor();
    expect(await page.getByText("Sola lettura").count()).toBeGreaterThan(0);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "home (sindaco.visconteo)");

    await page.goto(`${app.server.url}/a/visconteo-sud-milano/admin/utenti`);
    await waitForHeading(page, "Accesso non consentito");
    await page.goto(`${app.server.url}/a/visconteo-sud-milano/cartella`);
    await waitForHeading(page, "Accesso non consentito");
    await expectAccessible(page, "forbidden page");
    await page.context().close();
  });

  it.each([
    {
      username: "ragioneria.visconteo",
      cards: ["Bilancio", "Piano di Zona"],
      nav: ["Programmazione", "Bilancio", "Territorio"],
    },
    { username: "ets.visconteo", cards: ["Offerta"], nav: ["Offerta", "Territorio"] },
    { username: "cittadino", cards: ["Servizi e bandi"], nav: ["Offerta"] },
  ])("adapts the home page to $username", async ({ username, cards, nav }) => {
    const page = await newPage(app.browser);
    await logIn(page, app.server.url, username, app.server.demoPassword);
    const activities = page.getByRole("region", { name: "Le tue attività" });
    await waitForCount(activities.getByRole("heading", { level: 3 }), cards.length);
    expect(await activities.getByRole("heading", { level: 3 }).allTextContents()).toEqual(cards);
    expect(await navLinks(page)).toEqual(nav);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, `home (${username})`);
    await page.context().close();
  });
});

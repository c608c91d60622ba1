import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForCount, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();

/** Polls an attribute until it matches (playwright-core has no auto-retrying expect). */
async function waitForAttribute(locator: Locator, name: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < until) {
    last = await locator.getAttribute(name);
    if (last !== null && pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${name} to match ${pattern}, was ${JSON.stringify(last)}`);
}

function observatoryTabs(page: Page) {
  return page.getByRole("navigation", { name: "Sezioni dell'Osservatorio" });
}

describe("the Osservatorio", { timeout: 60_000 }, () => {
  describe("as the Ufficio di Piano of Visconteo Sud Milano", () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(app.browser);
      await logIn(page, app.server.url, "udp.visconteo", app.server.demoPassword);
    }, 120_000);

    afterAll(async () => {
      await page?.context().close();
    });

    it("shows the territorial profile: Comuni by year, the Ambito from summed counts, the formula", async () => {
      await page
        .getByRole("navigation", { name: "Navigazione principale" })
        .getByRole("link", { name: "Osservatorio" })
        .click();
      await waitForHeading(page, "Osservatorio");
      expect(await page.title()).toContain("Profilo territoriale");
      const table = page.getByRole("table", { name: /^Indice di vecchiaia: 11 Comuni/ });
      await table.waitFor();
      await waitForCount(table.getByRole("row"), 13); // header, 11 Comuni, the Ambito
      const rows = await table.getByRole("rowheader").allInnerTexts();
      expect(rows).toContain("Rozzano");
      expect(rows.at(-1)).toBe("Ambito (da conteggi sommati)");
      const rozzano = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Rozzano" }) });
      expect(await rozzano.textContent()).toMatch(/\d+,\d.*pubblicato/);
      expect(await page.getByTestId("formula").textContent()).toBe("popolazione 65+ / popolazione 0-14 × 100");
      await page.getByText("mai come media dei rapporti comunali").waitFor();
      await page.getByTestId("ts-chart").locator("svg").first().waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "Osservatorio profile");
    });

    it("switches indicator: the charts' text alternatives follow", async () => {
      const series = page.getByTestId("ts-chart");
      expect(await series.getAttribute("role")).toBe("img");
      await waitForAttribute(series, "aria-label", /Indice di vecchiaia/);
      await page.getByLabel("Indicatore", { exact: true }).selectOption({ label: "Tasso di natalità ‰" });
      await waitForAttribute(series, "aria-label", /Tasso di natalità/);
      await waitForAttribute(page.getByTestId("ranking-chart"), "aria-label", /Tasso di natalità ‰ nel 2024/);
      await page.getByRole("table", { name: /^Tasso di natalità ‰: 11 Comuni/ }).waitFor();
      expect(page.url()).toContain("indicatore=birth_rate");
    });

    it("draws the schematic map with one tile per Comune", async () => {
      const map = page.getByTestId("tile-map");
      expect(await map.getAttribute("role")).toBe("img");
      await waitForCount(map.locator("g.tile"), 11);
      expect(await map.getAttribute("aria-label")).toContain("11 Comuni");
      expect(await map.locator('g.tile[data-istat="015189"]').textContent()).toContain("Rozzano");
    });

    it("downloads the profile as CSV through its link", async () => {
      const link = page.getByRole("link", { name: "Profilo (CSV)" });
      expect(await link.getAttribute("href")).toBe("/api/ambiti/visconteo-sud-milano/observatory/profile?format=csv");
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      // Downloads raise no "response" event: ask the link's URL again, with the session's cookies.
      const response = await page.request.get(`${app.server.url}${await link.getAttribute("href")}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
      expect(download.suggestedFilename()).toBe("profilo-visconteo-sud-milano.csv");
      const path = await download.path();
      const csv = await readFile(path, "utf8");
      expect(csv.split("\r\n")[0]).toMatch(/^codice_istat;territorio;indicatore;anno;/);
      expect(csv).toContain("015189;Rozzano;old_age_index;");
    });

    // axe over twenty published tables: the slowest test on a busy 2-core machine.
    it("lists the published values that do not follow from the counts, and the tables as entered", {
      timeout: 120_000,
    }, async () => {
      await observatoryTabs(page).getByRole("link", { name: "Verifica dati pubblicati" }).click();
      await waitForHeading(page, "Verifica dati pubblicati");
      const findings = page.getByTestId("findings");
      await findings.waitFor();
      const tab5 = findings.getByRole("row").filter({ hasText: "175.094" });
      await waitForCount(tab5, 1);
      const text = await tab5.textContent();
      expect(text).toContain("Tab.5");
      expect(text).toContain("Anziani (>65 anni)");
      expect(text).toContain("conteggio");
      expect(text).toContain("rilevante");
      expect(await page.getByRole("link", { name: "Scarica gli scostamenti (CSV)" }).getAttribute("href")).toBe(
        "/api/ambiti/visconteo-sud-milano/observatory/check?format=csv",
      );

      await page.getByLabel("Tipo", { exact: true }).selectOption({ label: "conteggio" });
      await waitForCount(findings.locator("tbody tr"), 3);
      await page.getByLabel("Tipo", { exact: true }).selectOption({ label: "Tutti i tipi" });

      const published = page.getByRole("region", { name: /^Tab\.5 – Popolazione anziana/ });
      await published.waitFor();
      expect(await published.locator('td[data-finding="major"]').count()).toBe(3);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "Osservatorio check");
    });

    it("has a printable version with every indicator's table and the charts", async () => {
      await observatoryTabs(page).getByRole("link", { name: "Versione stampabile" }).click();
      await waitForHeading(page, /Profilo territoriale/);
      await page.getByRole("table", { name: /^Indici demografici/ }).waitFor();
      await page.getByRole("table", { name: /^Percentuali e tassi/ }).waitFor();
      await waitForCount(page.getByTestId("tile-map").locator("g.tile"), 11);
      await page.getByTestId("print-pyramid-chart").waitFor();
      await page.evaluate(() => {
        (window as unknown as { printed: boolean }).printed = false;
        window.print = () => {
          (window as unknown as { printed: boolean }).printed = true;
        };
      });
      await page.getByRole("button", { name: "Stampa o salva in PDF" }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "Osservatorio printable version");
    });
  });

  it("draws the age structure of a Comune without data by sex (Cernusco, Bellinzago Lombardo 2019)", async () => {
    const page = await newPage(app.browser);
    await logIn(page, app.server.url, "udp.cernusco", app.server.demoPassword);
    await page.goto(`${app.server.url}/a/cernusco-distretto-4/osservatorio`);
    await waitForHeading(page, "Osservatorio");
    await page.getByLabel("Territorio della piramide").selectOption({ label: "Bellinzago Lombardo" });
    await page.getByLabel("Anno della piramide").selectOption("2019");
    const chart = page.getByTestId("pyramid-chart");
    await waitForAttribute(chart, "aria-label", /Bellinzago Lombardo nel 2019 per età: 7 classi/);
    expect(await chart.getAttribute("aria-label")).toContain("Sesso non disponibile");
    await page.getByText("sesso non disponibile", { exact: true }).waitFor();
    await waitForCount(page.getByTestId("pyramid-data").locator("tbody tr"), 7);
    await chart.locator("svg").first().waitFor();
    await page.context().close();
  });
});

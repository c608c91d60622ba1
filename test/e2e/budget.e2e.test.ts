import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBudgetDemo } from "../../src/server/modules/budget/index.ts";
import { testDb } from "../helpers/db.ts";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();

beforeAll(async () => {
  // Idempotent: a no-op once the demo seed itself calls it.
  const db = await testDb();
  const rows = await db.selectFrom("ambito").select(["slug", "id"]).execute();
  await seedBudgetDemo(db, new Map(rows.map((r) => [r.slug, r.id])));
}, 60_000);

describe("the Bilancio pages", { timeout: 90_000 }, () => {
  describe("as the Direzione Welfare of Milano", () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(app.browser);
      await logIn(page, app.server.url, "udp.milano", app.server.demoPassword);
    }, 120_000);

    afterAll(async () => {
      await page?.context().close();
    });

    it("lists the imported report of seed 003 with its checks", async () => {
      await page
        .getByRole("navigation", { name: "Navigazione principale" })
        .getByRole("link", { name: "Bilancio" })
        .click();
      await waitForHeading(page, "Bilancio");
      const row = page.getByRole("row", { name: /Bilancio di Previsione 2022/ });
      await row.waitFor();
      expect(await row.textContent()).toContain("Tutti superati");
      await expectAccessible(page, "budget documents");
    });

    it("drills from the settori of the Direzione to the lines of one settore", async () => {
      await page.getByRole("link", { name: /Bilancio di Previsione 2022/ }).click();
      await waitForHeading(page, /Bilancio di Previsione 2022/);
      await page.getByLabel("Sezione").selectOption("1.B");
      const table = page.getByTestId("pivot-table");
      // Totale DIR07 of the spese correnti (line 1826): the table now shows section 1.B only.
      await table.locator("tfoot").filter({ hasText: "275.209.493,05" }).waitFor();
      await table.getByRole("rowheader", { name: "235 AREA SALUTE E SERVIZI DI COMUNITA'" }).waitFor();
      // Totale Settore 51, spese correnti, as printed (line 862 of seed 003).
      const s51 = table.getByRole("row").filter({ has: page.getByRole("link", { name: /^51 AREA DIRITTI/ }) });
      expect(await s51.textContent()).toContain("57.792.566,86");
      await page.getByTestId("pivot-chart").locator("svg").first().waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "budget pivot by settore");

      await table.getByRole("link", { name: /^51 AREA DIRITTI/ }).click();
      await page.getByRole("button", { name: "Rimuovi filtro Settore 51" }).waitFor();
      const lines = page.getByTestId("pivot-table");
      await lines.locator("tfoot").filter({ hasText: "57.792.566,86" }).waitFor();
      const line = lines
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: /^3752\/5\/0 BENI DI CONSUMO/ }) });
      await line.waitFor();
      expect(await line.textContent()).toMatch(/3800,00\s€/); // it-IT groups from 5 digits
      expect(await line.textContent()).toContain("Altri beni di consumo");
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "budget lines of settore 51");
    });

    it("downloads the lines on screen as CSV", async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
      expect(download.suggestedFilename()).toMatch(/^bilancio-\d+-spese-line\.csv$/);
      const csv = await readFile((await download.path()) as string, "utf8");
      const rows = csv
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(rows.find((r) => r.startsWith("3752/5/0;"))).toContain(";1.B;51;U.1.03.01.02.000;12.04;sì;507;3800,00;");
      expect(rows.at(-1)).toMatch(/^TOTALE;.*;57792566,86;/);
      expect(rows.slice(1, -1).every((r) => r.split(";")[3] === "51")).toBe(true);
    });

    it("shows the comparison, the coverage and the checks, each accessible", async () => {
      await page.getByRole("link", { name: "Confronto" }).click();
      await page.getByTestId("compare-lines").waitFor();
      expect(await page.getByTestId("compare-lines").textContent()).toContain("(ART.NON RIPETUTO)");
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "budget comparison");

      await page.getByRole("link", { name: "Copertura" }).click();
      const coverage = page.getByTestId("coverage-table");
      await coverage.waitFor();
      const total = coverage.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Totale" }) });
      expect(await total.textContent()).toContain("117.728.790,00");
      expect(await total.textContent()).toContain("134.558.563,05");
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "budget coverage");

      await page.getByRole("link", { name: "Controlli" }).click();
      await page.getByTestId("checks-summary").waitFor();
      expect(await page.getByTestId("checks-summary").textContent()).toBe("Controlli superati: 124; non superati: 0.");
      await expectAccessible(page, "budget checks");
    });
  });

  describe("as the Ragioneria of Visconteo Sud Milano", () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage(app.browser);
      await logIn(page, app.server.url, "ragioneria.visconteo", app.server.demoPassword);
    }, 120_000);

    afterAll(async () => {
      await page?.context().close();
    });

    it("shows the funds of seed 002 with the PNRR alerts, and records a commitment", async () => {
      await page.goto(`${app.server.url}/a/visconteo-sud-milano/bilancio/fondi?anno=2023`);
      await waitForHeading(page, "Fondi dell'Ambito");
      const table = page.getByTestId("funds-table");
      await table.waitFor();
      const fnps = table
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name: "Fondo Nazionale Politiche Sociali" }) });
      expect(await fnps.textContent()).toContain("653.552,00");
      expect(await page.locator("caption").filter({ hasText: "Assegnazioni per anno" }).textContent()).toContain(
        "5.544.651,00",
      );
      await page.getByTestId("funds-chart").locator("svg").first().waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "funds");

      await page.goto(`${app.server.url}/a/visconteo-sud-milano/bilancio/fondi?anno=2022`);
      const alerts = page.getByTestId("fund-alerts");
      await alerts.waitFor();
      expect(await alerts.textContent()).toContain("1.3.1 Housing First");
      await alerts.getByRole("link", { name: /Housing First/ }).click();
      await waitForHeading(page, /PNRR M5C2/);
      await page.getByLabel("Importo in euro").fill("250.000,00");
      await page.getByLabel("Atto (determina, mandato)").fill("Det. 101/2023");
      await page.getByLabel("Data").fill("2023-05-10");
      await page.getByRole("button", { name: "Registra", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Registrato." }).waitFor();
      const balance = page.getByTestId("fund-balance");
      await balance.filter({ hasText: "250.000,00" }).waitFor();
      await page.getByRole("cell", { name: "Det. 101/2023" }).waitFor();
      await expectAccessible(page, "fund detail");
    });
  });
});

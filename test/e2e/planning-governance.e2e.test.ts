import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();
const ASSEMBLEA = "Assemblea dei Sindaci dell'Ambito Visconteo Sud Milano";

async function openGovernance(page: Page, checkPlansList = false) {
  await page
    .getByRole("navigation", { name: "Navigazione principale" })
    .getByRole("link", { name: "Programmazione" })
    .click();
  const link = page.getByRole("link", { name: /^Governance del Piano di Zona/ });
  await link.waitFor();
  if (checkPlansList) await expectAccessible(page, "plans list with the governance link");
  await link.click();
  await waitForHeading(page, "Governance");
}

/** The Assemblea's row of the counts table: [meetings in `year`, total]. */
async function assembleaCounts(page: Page, year: string): Promise<[string, string]> {
  const table = page.getByTestId("gov-counts");
  const headers = (await table.locator("thead th").allInnerTexts()).map((s) => s.trim());
  const row = table.getByRole("row", { name: new RegExp(`^${ASSEMBLEA}`) });
  const cells = (await row.locator("td").allInnerTexts()).map((s) => s.trim());
  const col = headers.indexOf(year) - 1; // the first header is the body's column
  return [col >= 0 ? (cells[col] ?? "") : "0", cells.at(-1) ?? ""];
}

describe("Programmazione: governance and LEPS", { timeout: 120_000 }, () => {
  describe("as the Ufficio di Piano", () => {
    let page: Page;
    beforeAll(async () => {
      page = await newPage(app.browser);
      await logIn(page, app.server.url, "udp.visconteo", app.server.demoPassword);
    }, 120_000);
    afterAll(async () => {
      await page?.context().close();
    });

    it("records a meeting of the Assemblea with attendance, sees it listed and the count go up", async () => {
      await openGovernance(page, true);
      await page.getByRole("heading", { name: ASSEMBLEA }).waitFor();
      expect(await assembleaCounts(page, "2026")).toEqual(["0", "0"]);
      await expectAccessible(page, "governance page");

      const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "Registra incontro" }) });
      await form.getByLabel("Organo").selectOption({ label: ASSEMBLEA });
      await form.getByLabel("Ordine del giorno").fill("Approvazione del monitoraggio 2025");
      // No date: the server's problem is shown next to the date field.
      await form.getByRole("button", { name: "Registra incontro" }).click();
      await page.locator("#meeting-date-error").waitFor();
      expect(await page.getByLabel("Data", { exact: true }).getAttribute("aria-invalid")).toBe("true");

      await form.getByLabel("Data", { exact: true }).fill("2026-03-10");
      // Bootstrap Italia draws the box on the label, so the user clicks the label.
      for (const name of ["Sindaco di Basiglio", "Sindaco di Rozzano"]) {
        await form.getByText(name, { exact: true }).click();
        expect(await form.getByLabel(name, { exact: true }).isChecked()).toBe(true);
      }
      await form.getByLabel("Verbale").fill("Presenti 2 sindaci su 11; relazione dell'Ufficio di Piano.");
      await form
        .getByLabel("Decisioni (una per riga)")
        .fill("Approvato il report di monitoraggio\nAvviata la co-programmazione sulla domiciliarità");
      await form.getByRole("button", { name: "Registra incontro" }).click();
      await page.getByRole("status").filter({ hasText: "Incontro registrato." }).waitFor();

      const section = page.getByTestId("gov-body-assemblea");
      const meeting = section.getByTestId("gov-meeting");
      await meeting.waitFor();
      const text = (await meeting.textContent()) ?? "";
      expect(text).toContain("10/03/2026");
      expect(text).toContain("Approvazione del monitoraggio 2025");
      expect(text).toContain("2 presenti su 11");
      expect(text).toContain("Sindaco di Basiglio: presente");
      expect(text).toContain("Sindaco di Rozzano: presente");
      expect(text).toContain("Sindaco di Binasco: assente");
      expect(await meeting.locator("ol li").allInnerTexts()).toEqual([
        "Approvato il report di monitoraggio",
        "Avviata la co-programmazione sulla domiciliarità",
      ]);
      expect(await assembleaCounts(page, "2026")).toEqual(["1", "1"]);
      expect(await page.getByText(/«Numero incontri»/).count()).toBe(1);
      await expectAccessible(page, "governance page after recording a meeting");
    });

    it("shows the LEPS tab of the 2025-2027 plan with the seeded status and linked objectives", async () => {
      await page
        .getByRole("navigation", { name: "Navigazione principale" })
        .getByRole("link", { name: "Programmazione" })
        .click();
      await page.getByRole("link", { name: "Piano Sociale di Zona 2025-2027" }).click();
      await page
        .getByRole("navigation", { name: "Viste del piano" })
        .getByRole("link", { name: "LEPS", exact: true })
        .click();
      const table = page.getByTestId("leps-table");
      await table.waitFor();
      const pov = table.getByRole("row", { name: /^POV · / });
      expect((await pov.locator("td").nth(1).textContent())?.trim()).toBe("Non valutato");
      expect(await pov.getByRole("link").allInnerTexts()).toEqual([
        expect.stringMatching(/^7\.1\.3 · /),
        expect.stringMatching(/^7\.1\.4 · /),
      ]);
      const nido = table.getByRole("row", { name: /^NIDO · / });
      expect((await nido.locator("td").nth(1).textContent())?.trim()).toBe("Non trattato nel piano");
      await expectAccessible(page, "LEPS tab");
      await pov.getByRole("link", { name: /^7\.1\.3 · / }).click();
      await page.waitForURL(/\/obiettivi\/7\.1\.3\/$/);
    });
  });

  describe("as a mayor", () => {
    it("sees the governance page and the recorded meeting, without the form", async () => {
      const page = await newPage(app.browser);
      await logIn(page, app.server.url, "sindaco.visconteo", app.server.demoPassword);
      await openGovernance(page);
      await page.getByTestId("gov-body-assemblea").getByTestId("gov-meeting").waitFor();
      expect(await assembleaCounts(page, "2026")).toEqual(["1", "1"]);
      expect(await page.getByRole("button", { name: "Registra incontro" }).count()).toBe(0);
      expect(await page.getByRole("heading", { name: "Registra incontro" }).count()).toBe(0);
      await expectAccessible(page, "governance page for a mayor");
      await page.context().close();
    });
  });
});

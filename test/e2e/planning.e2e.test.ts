import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/server/modules/planning/plan-document.ts";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForCount, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();

/** The seeded plan as a fixture: every target the pages show is compared with it. */
const PLAN = JSON.parse(
  readFileSync(new URL("../../src/server/modules/planning/data/visconteo-2025-2027.json", import.meta.url), "utf8"),
) as PlanDocument;

/** WinAnsi bytes 0x80-0x9F that differ from Latin-1 (the ones Italian text uses). */
const WIN_ANSI: Record<number, string> = { 128: "€", 145: "‘", 146: "’", 147: "“", 148: "”", 150: "–", 151: "—" };

/** Text of an uncompressed PDF written with the standard fonts (our reports): the TJ strings, in order. */
function pdfText(pdf: Buffer): string {
  const src = pdf.toString("latin1");
  const out: string[] = [];
  for (const tj of src.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    const hex = [...(tj[1] ?? "").matchAll(/<([0-9a-f]*)>/g)].map((m) => m[1]).join("");
    let s = "";
    for (let i = 0; i < hex.length; i += 2) {
      const b = Number.parseInt(hex.slice(i, i + 2), 16);
      s += WIN_ANSI[b] ?? String.fromCharCode(b);
    }
    out.push(s);
  }
  return out.join(" ");
}

const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

function nav(page: Page) {
  return page.getByRole("navigation", { name: "Navigazione principale" });
}

async function openTab(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Viste del piano" }).getByRole("link", { name, exact: true }).click();
}

describe("Programmazione", { timeout: 120_000 }, () => {
  describe("as the Ufficio di Piano of Visconteo Sud Milano", () => {
    let page: Page;
    let planPath = "";

    beforeAll(async () => {
      page = await newPage(app.browser);
      await logIn(page, app.server.url, "udp.visconteo", app.server.demoPassword);
    }, 120_000);
    afterAll(async () => {
      await page?.context().close();
    });

    it("lists the Ambito's plans, the 2025-2027 draft and the evaluated 2022-2024", async () => {
      await nav(page).getByRole("link", { name: "Programmazione" }).click();
      await waitForHeading(page, "Programmazione");
      const table = page.getByRole("table", { name: /2 piani/ });
      await waitForCount(table.getByRole("row"), 3);
      expect(await table.getByRole("rowheader").allInnerTexts()).toEqual([
        "Piano Sociale di Zona 2025-2027",
        "Piano di Zona 2022-2024",
      ]);
      await expectAccessible(page, "plans list");
      await table.getByRole("link", { name: "Piano Sociale di Zona 2025-2027" }).click();
      await waitForHeading(page, "Piano Sociale di Zona 2025-2027");
      planPath = new URL(page.url()).pathname;
      await page.getByRole("heading", { name: "7 · Obiettivi trasversali innovativi (sezione 7.1)" }).waitFor();
      await expectAccessible(page, "plan overview");
    });

    it("shows every objective sheet with its budget and every target of its indicator table", async () => {
      const budgets: Record<string, string> = {
        "7.1.1": "195.000,00 €",
        "7.1.2": "357.499,00 €",
        "7.1.3": "710.000,00 €",
        "7.1.4": "1.194.394,83 €",
        "7.1.5": "120.000,00 €",
      };
      for (const objective of PLAN.objectives) {
        await page.goto(`${app.server.url}${planPath}/obiettivi/${encodeURIComponent(objective.code)}/`);
        await page.getByRole("heading", { name: `${objective.code} · ${objective.title}` }).waitFor();
        if (budgets[objective.code]) {
          const dd = page.locator("dt", { hasText: /^Risorse economiche$/ }).locator("xpath=following-sibling::dd[1]");
          expect(((await dd.textContent()) ?? "").replace(/\s/g, " ")).toBe(budgets[objective.code]);
        }
        const indicators = PLAN.indicators.filter((i) => i.objective === objective.code);
        const table = page.getByTestId("indicator-table");
        await waitForCount(table.locator("tbody tr"), indicators.length);
        for (const [k, ind] of indicators.entries()) {
          const cells = (await table.locator("tbody tr").nth(k).locator("td").allInnerTexts()).map((c) => c.trim());
          expect(cells[0]).toBe(ind.code);
          const expected = [2025, 2026, 2027].map((y) =>
            String((ind.targets ?? []).find((t) => t.year === y)?.value ?? ""),
          );
          expect(cells.slice(4, 7)).toEqual(expected);
        }
        if (objective.code === "ASST.6") {
          await page.getByTestId("chart-ASST6.OUT.1").locator("svg").first().waitFor();
          await page.waitForLoadState("networkidle");
          await expectAccessible(page, "objective sheet with chart");
        }
        if (objective.code === "7.1.4") await expectAccessible(page, "objective sheet 7.1.4");
      }
    });

    it("monitors the plan: progress per objective, statuses and the overdue PNRR actions", async () => {
      await page.goto(`${app.server.url}${planPath}`);
      await openTab(page, "Monitoraggio");
      const table = page.getByTestId("monitoring-table");
      await waitForCount(table.locator("tbody tr"), PLAN.objectives.length);
      await page.getByRole("button", { name: "Ricalcola gli indicatori calcolati" }).waitFor();
      expect(await page.getByTestId("alerts").textContent()).toContain("Azione scaduta · 7.1.2 · 7.1.2.a");
      await page.getByTestId("progress-chart").locator("svg").first().waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "monitoring dashboard");
      await openTab(page, "Integrazione ASST");
      const matrix = page.getByTestId("asst-matrix");
      await matrix.waitFor();
      const at2 = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "AT2" }) });
      expect((await at2.locator("td").allInnerTexts()).map((c) => c.trim())).toEqual(["", "", "", "", "1, 2", "1, 2"]);
      await page.getByRole("heading", { name: "9 schede con ASST" }).waitFor();
      await expectAccessible(page, "ASST sheets");
    });

    it("opens the monitoring report PDF for the Assemblea dei Sindaci as pages in the browser", async () => {
      await openTab(page, "Download");
      const link = page.getByTestId("report-pdf");
      const href = (await link.getAttribute("href")) ?? "";
      await expectAccessible(page, "downloads");
      const bytes = await (await page.context().request.get(`${app.server.url}${href}`)).body();
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      // Table cells wrap, so words of one cell may sit on several text lines.
      const text = pdfText(bytes).replace(/\s+/g, " ");
      expect(text).toContain("Relazione di monitoraggio – Piano Sociale di Zona 2025-2027");
      expect(text).toContain("Ambito Territoriale Sociale Visconteo Sud Milano – per l'Assemblea dei Sindaci");
      expect(text).toContain("7.1.4 PNRR M5C2 Inv. 1.3.2 – Centro Servizi per il contrasto alle povertà");
      expect(text).toContain("Azione scaduta");
      const viewer = await page.context().newPage();
      const response = await viewer.goto(`${app.server.url}${href}`);
      expect(response?.headers()["content-type"]).toBe("application/pdf");
      // Chromium's own PDF viewer draws one thumbnail per page of the document it rendered.
      const frame = await (async () => {
        for (let i = 0; i < 100; i++) {
          const f = viewer.frames().find((x) => x.url().startsWith("chrome-extension://"));
          if (f) return f;
          await viewer.waitForTimeout(100);
        }
        throw new Error("the PDF viewer did not open");
      })();
      const countThumbnails = `(() => {
        const viewer = document.querySelector("pdf-viewer");
        const side = viewer && viewer.shadowRoot && viewer.shadowRoot.querySelector("viewer-pdf-sidenav");
        const bar = side && side.shadowRoot && side.shadowRoot.querySelector("viewer-thumbnail-bar");
        return bar && bar.shadowRoot ? bar.shadowRoot.querySelectorAll("viewer-thumbnail").length : 0;
      })()`;
      let thumbnails = 0;
      for (let i = 0; i < 100 && thumbnails === 0; i++) {
        thumbnails = Number(await frame.evaluate(countThumbnails));
        if (!thumbnails) await viewer.waitForTimeout(100);
      }
      expect(thumbnails).toBe(pdfPages(bytes));
      expect(thumbnails).toBeGreaterThan(0);
      await viewer.close();
    });

    it("shows the 2022-2024 evaluation: ten objectives with their achievement", async () => {
      await page.goto(`${app.server.url}/a/visconteo-sud-milano/programmazione`);
      await page.getByRole("link", { name: "Piano di Zona 2022-2024" }).click();
      await waitForHeading(page, "Piano di Zona 2022-2024");
      await openTab(page, "Valutazione");
      const table = page.getByTestId("evaluation-table");
      await waitForCount(table.locator("tbody tr"), 10);
      const rows = await table
        .locator("tbody tr")
        .evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent, tr.children[2]?.textContent]));
      expect(rows).toEqual([
        ["1", "80%"],
        ["2", "60%"],
        ["3", "60%"],
        ["4", "50%"],
        ["5", "67%"],
        ["6", "50%"],
        ["7", "78%"],
        ["8", "90%"],
        ["9", "60%"],
        ["10", "50%"],
      ]);
      await page.getByTestId("achievement-chart").locator("svg").first().waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "evaluation 2022-2024");
    });
  });

  describe("as the Ufficio di Piano editing the 2025-2027 plan", () => {
    let page: Page;
    let planPath = "";
    const field = (id: string) => page.locator(`#${id}`);
    const errorOf = (id: string) => page.locator(`#${id}-error`);
    const save = () => page.getByRole("button", { name: "Salva", exact: true }).click();
    const sheetPath = () => `${planPath}/obiettivi/7.1.6/`;

    beforeAll(async () => {
      page = await newPage(app.browser);
      await logIn(page, app.server.url, "udp.visconteo", app.server.demoPassword);
      await nav(page).getByRole("link", { name: "Programmazione" }).click();
      await page.getByRole("link", { name: "Piano Sociale di Zona 2025-2027" }).click();
      await waitForHeading(page, "Piano Sociale di Zona 2025-2027");
      planPath = new URL(page.url()).pathname;
    }, 120_000);
    afterAll(async () => {
      await page?.context().close();
    });

    it("creates an objective from the regional sheet, with field errors next to their fields", async () => {
      await page.getByRole("link", { name: "Nuovo obiettivo" }).click();
      await page.getByRole("heading", { name: "Nuovo obiettivo", level: 2 }).waitFor();
      await page.getByRole("note").getByText("Il piano è in bozza").waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "new objective editor");
      await save();
      await errorOf("objective-code").waitFor();
      await field("objective-code").fill("7.1.6");
      await save();
      // The server refuses the empty title; the message sits under the title's input.
      await errorOf("objective-title").waitFor();
      expect(await errorOf("objective-title").textContent()).toBe("Campo obbligatorio.");
      expect(await field("objective-title").getAttribute("aria-invalid")).toBe("true");
      await field("objective-title").fill("Sportello sociale digitale");
      await field("objective-macroArea").selectOption("7");
      await field("objective-kind").selectOption({ label: "innovativo" });
      await field("objective-need").fill("Accesso ai servizi senza spostarsi");
      await field("objective-budget").fill("50.000,00");
      await field("objective-fundingSource").fill("FNPS 2025");
      await field("objective-coProgrammed").selectOption({ label: "Sì" });
      await save();
      await page.getByRole("heading", { name: "7.1.6 · Sportello sociale digitale" }).waitFor();
      expect(new URL(page.url()).pathname).toBe(sheetPath());
      const budget = page.locator("dt", { hasText: /^Risorse economiche$/ }).locator("xpath=following-sibling::dd[1]");
      expect(((await budget.textContent()) ?? "").replace(/\s/g, " ")).toBe("50.000,00 €");
      const coProgrammed = page
        .locator("dt", { hasText: "Formalmente co-programmato con il Terzo Settore" })
        .locator("xpath=following-sibling::dd[1]");
      expect(await coProgrammed.textContent()).toBe("Sì");
    });

    it("adds an indicator with its 2025-2027 targets, refusing a percentage above 100 next to its year", async () => {
      await page.getByRole("link", { name: "Nuovo indicatore" }).click();
      await page.getByRole("heading", { name: /^Nuovo indicatore per l'obiettivo 7\.1\.6/ }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "new indicator editor");
      await field("indicator-code").fill("F.OUT.1");
      await field("indicator-label").fill("Accessi allo sportello digitale");
      await field("indicator-unit").selectOption({ label: "%" });
      await field("indicator-baseline").fill("0");
      await field("indicator-target-2025").fill("100");
      await field("indicator-target-2026").fill("200");
      await field("indicator-target-2027").fill("300");
      await save();
      expect(await errorOf("indicator-target-2026").textContent()).toBe("Una percentuale va da 0 a 100");
      expect(await errorOf("indicator-target-2025").count()).toBe(0);
      await field("indicator-unit").selectOption({ label: "numero" });
      await save();
      const table = page.getByTestId("indicator-table");
      await waitForCount(table.locator("tbody tr"), 1);
      const cells = (await table.locator("tbody tr").first().locator("td").allInnerTexts()).map((c) => c.trim());
      expect(cells.slice(0, 7)).toEqual([
        "F.OUT.1",
        "Output",
        "Accessi allo sportello digitale",
        "numero",
        "100",
        "200",
        "300",
      ]);
    });

    it("adds an action with owner, schedule and status", async () => {
      await page.getByRole("link", { name: "Nuova azione" }).click();
      await field("action-code").waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "new action editor");
      await field("action-code").fill("7.1.6.a");
      await field("action-title").fill("Apertura dello sportello");
      await field("action-owner").fill("Ufficio di Piano");
      await field("action-start").fill("2025-03-01");
      await field("action-end").fill("2027-12-31");
      await field("action-status").selectOption({ label: "In corso" });
      await save();
      const row = page.getByRole("row").filter({ hasText: "7.1.6.a" });
      await row.waitFor();
      expect((await row.locator("td").allInnerTexts()).slice(0, 6)).toEqual([
        "7.1.6.a",
        "Apertura dello sportello",
        "Ufficio di Piano",
        "2025-03-01",
        "2027-12-31",
        "In corso",
      ]);
    });

    it("edits the objective and a target, and refuses an edit made over someone else's", async () => {
      await page.getByRole("link", { name: "Modifica obiettivo" }).click();
      await page.getByRole("heading", { name: "Modifica obiettivo 7.1.6", level: 2 }).waitFor();
      expect(await field("objective-title").inputValue()).toBe("Sportello sociale digitale");
      expect(await field("objective-budget").inputValue()).toBe("50000,00");
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "objective editor");
      await field("objective-title").fill("Sportello sociale digitale e di prossimità");
      await save();
      await page.getByRole("heading", { name: "7.1.6 · Sportello sociale digitale e di prossimità" }).waitFor();

      await page.getByRole("link", { name: "Modifica F.OUT.1" }).click();
      await field("indicator-target-2026").waitFor();
      expect(await field("indicator-target-2026").inputValue()).toBe("200");
      // A colleague saves the plan while this editor is open.
      const request = page.context().request;
      const { csrfToken } = await (await request.get(`${app.server.url}/api/auth/me`)).json();
      const api = `${app.server.url}/api/ambiti/visconteo-sud-milano/plans/${planPath.split("/").at(-1)}`;
      const colleague = await request.put(`${api}/actions/7.1.6.a`, {
        headers: { "x-csrf-token": csrfToken },
        data: {
          objective: "7.1.6",
          title: "Apertura dello sportello",
          owner: "Servizi sociali",
          status: "in_progress",
        },
      });
      expect(colleague.status()).toBe(200);
      await field("indicator-target-2026").fill("250");
      await save();
      await page.getByRole("alert").getByText("Qualcun altro ha modificato il piano").waitFor();
      await page.getByRole("button", { name: "Ricarica la pagina" }).click();
      await field("indicator-target-2026").waitFor();
      await field("indicator-target-2026").fill("250");
      await save();
      const table = page.getByTestId("indicator-table");
      await waitForCount(table.locator("tbody tr"), 1);
      const cells = (await table.locator("tbody tr").first().locator("td").allInnerTexts()).map((c) => c.trim());
      expect(cells.slice(4, 7)).toEqual(["100", "250", "300"]);
    });

    it("shows the new objective in monitoring", async () => {
      await page.goto(`${app.server.url}${planPath}`);
      await openTab(page, "Monitoraggio");
      const table = page.getByTestId("monitoring-table");
      await waitForCount(table.locator("tbody tr"), PLAN.objectives.length + 1);
      const row = table.locator("tbody tr").filter({ hasText: "Sportello sociale digitale e di prossimità" });
      expect((await row.locator("td").first().textContent())?.trim()).toBe("7.1.6");
    });

    it("imports a plan file: a broken one lists its problems and writes nothing, a good one becomes a plan", async () => {
      await page.goto(`${app.server.url}/a/visconteo-sud-milano/programmazione`);
      await page.getByRole("heading", { name: "Importa un piano" }).waitFor();
      const rows = page.getByRole("table", { name: /^\d+ pian[oi]$/ }).locator("tbody tr");
      await rows.first().waitFor(); // the seeded plans are listed before counting them
      const before = await rows.count();
      const broken = {
        ...PLAN,
        title: "Piano importato 2025-2027",
        objectives: [{ ...PLAN.objectives[0], macroArea: "X" }],
      };
      await page.getByLabel("File del piano (.json o .xlsx)").setInputFiles({
        name: "piano.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(broken)),
      });
      await page.getByRole("button", { name: "Importa", exact: true }).click();
      const problems = page.getByRole("table", { name: /nulla è stato scritto/ });
      await problems.waitFor();
      expect(await problems.innerText()).toContain("objectives[0].macroArea");
      await expectAccessible(page, "plan import with problems");

      const good = { ...PLAN, title: "Piano importato 2025-2027", previousPlan: null };
      await page.getByLabel("File del piano (.json o .xlsx)").setInputFiles({
        name: "piano.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(good)),
      });
      await page.getByRole("button", { name: "Importa", exact: true }).click();
      await page.getByRole("status").getByText("Piano creato (versione 1).").waitFor();
      await waitForCount(rows, before + 1);
      await page.getByRole("link", { name: "Apri il piano" }).click();
      await page
        .getByRole("heading", { name: /Piano importato 2025-2027/ })
        .first()
        .waitFor();
    });
  });

  describe("as a mayor of the Assemblea dei Sindaci", () => {
    it("sees the monitoring dashboard read-only", async () => {
      const page = await newPage(app.browser);
      await logIn(page, app.server.url, "sindaco.visconteo", app.server.demoPassword);
      await nav(page).getByRole("link", { name: "Programmazione" }).click();
      await page.getByRole("link", { name: "Piano Sociale di Zona 2025-2027" }).click();
      await openTab(page, "Monitoraggio");
      await page.getByText("Consultazione in sola lettura.").waitFor();
      expect(await page.getByRole("button", { name: "Ricalcola gli indicatori calcolati" }).count()).toBe(0);
      await openTab(page, "Obiettivi");
      await page.getByRole("link", { name: /Percorsi di autonomia/ }).click();
      await page.getByTestId("indicator-table").waitFor();
      expect(await page.getByRole("button", { name: "Salva la rilevazione" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Modifica obiettivo" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Nuovo indicatore" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: /^Modifica / }).count()).toBe(0);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "objective sheet for a mayor");
      await openTab(page, "Obiettivi");
      await page.getByRole("heading", { name: "7 · Obiettivi trasversali innovativi (sezione 7.1)" }).waitFor();
      expect(await page.getByRole("link", { name: "Nuovo obiettivo" }).count()).toBe(0);
      await page.context().close();
    });
  });
});

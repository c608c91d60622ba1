import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../src/server/modules/budget/fixtures/${name}`, import.meta.url));

describe("importing a budget from the browser", { timeout: 120_000 }, () => {
  let page: Page;
  let root: string;
  let documentPath: string;

  beforeAll(async () => {
    page = await newPage(app.browser);
    await logIn(page, app.server.url, "ragioneria.visconteo", app.server.demoPassword);
    root = `${app.server.url}/a/visconteo-sud-milano/bilancio`;
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
  });

  it("maps the columns of the settore-235 CSV, checks it, imports it and opens the document", async () => {
    await page.goto(root);
    await page.getByRole("link", { name: "Importa un bilancio" }).click();
    await waitForHeading(page, "Importa un bilancio");
    await page.getByLabel("File", { exact: true }).setInputFiles(fixture("bdap-spese-2022-settore-235.csv"));
    await page
      .getByLabel("Mappatura delle colonne")
      .selectOption({ label: "Nuova mappatura dall'intestazione del file…" });
    await page.getByRole("button", { name: "Leggi l'intestazione del file" }).click();
    // Pre-filled from the BDAP names; the year in "Stanziamento competenza 2022" becomes {year}.
    await page.getByLabel("Capitolo *").waitFor();
    expect(await page.getByLabel("Capitolo *").inputValue()).toBe("Capitolo");
    expect(await page.getByLabel("Previsione dell'anno *").inputValue()).toBe("Stanziamento competenza 2022");
    expect(await page.getByLabel("Anno del bilancio").inputValue()).toBe("column:Esercizio");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "budget import with the mapping form");
    await page.getByLabel("Nome della mappatura").fill("bdap-spese");
    await page.getByRole("button", { name: "Salva la mappatura" }).click();
    // Saved, and chosen for this import.
    await page.waitForFunction(
      () => (document.getElementById("import-mapping") as HTMLSelectElement).value === "bdap-spese",
    );

    const importButton = page.getByRole("button", { name: "Importa", exact: true });
    await page.getByRole("button", { name: "Verifica" }).click();
    await page.getByRole("status").filter({ hasText: "Verifica superata" }).waitFor();
    const spese = page.getByTestId("import-sections").getByRole("row", { name: /1\.B Spese correnti/ });
    expect(await spese.textContent()).toMatch(/38.*7\.352\.810,00.*10\.208\.810,00.*8\.896\.078,44/);
    expect(await page.getByTestId("import-checks").textContent()).toBe("Controlli superati: 4; non superati: 0.");
    expect(await importButton.isEnabled()).toBe(true);
    await expectAccessible(page, "budget import dry run");

    await importButton.click();
    const done = page.getByRole("status").filter({ hasText: /Importato come documento \d+/ });
    await done.waitFor();
    documentPath = (await done.getByRole("link", { name: "Apri il documento" }).getAttribute("href")) as string;
    await done.getByRole("link", { name: "Apri il documento" }).click();
    await waitForHeading(page, /previsione 2022/);
    await page
      .getByTestId("pivot-table")
      .getByRole("rowheader", { name: /^235 AREA SALUTE/ })
      .waitFor();
  });

  it("shows a broken file's problems with their line numbers and does not let it be imported", async () => {
    await page.goto(`${root}/importa`);
    await waitForHeading(page, "Importa un bilancio");
    await page.getByLabel("File", { exact: true }).setInputFiles(fixture("bdap-bad-amount.csv"));
    await page.getByLabel("Mappatura delle colonne").selectOption("bdap-spese");
    await page.getByRole("button", { name: "Verifica" }).click();
    await page.getByRole("status").filter({ hasText: "non può essere importato" }).waitFor();
    const problem = page.getByTestId("import-problems").getByRole("row").filter({ hasText: "12.34,5X" });
    expect(await problem.getByRole("rowheader").textContent()).toBe("6");
    expect(await problem.textContent()).toContain("Previsione dell'anno");
    expect(await page.getByRole("button", { name: "Importa", exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page, "budget import problems");
  });

  it("imports a report whose check fails only once a reason is written", async () => {
    // Seed 003 with "Totale Settore 51" (line 862) printed one cent higher: that check fails.
    const lines = readFileSync(fixture("milano-2022-welfare.txt"), "utf8").split("\n");
    lines[861] = (lines[861] as string).replace("34.576.400,00", "34.576.400,01");
    const file = join(mkdtempSync(join(tmpdir(), "budget-e2e-")), "milano-2022-refuso.txt");
    writeFileSync(file, lines.join("\n"));
    await page.goto(`${root}/importa`);
    await waitForHeading(page, "Importa un bilancio");
    await page.getByText("Report Commissioni (testo)", { exact: true }).click();
    await page.getByLabel("File", { exact: true }).setInputFiles(file);
    await page.getByLabel("Anno atteso").fill("2022");
    await page.getByRole("button", { name: "Verifica" }).click();
    await page.getByRole("status").filter({ hasText: "non può essere importato" }).waitFor();
    expect(await page.getByTestId("import-checks").textContent()).toBe("Controlli superati: 123; non superati: 1.");
    const failed = page.getByTestId("import-failed-checks").getByRole("row").filter({ hasText: "400,01" });
    expect(await failed.getByRole("rowheader").textContent()).toBe("862");
    const importButton = page.getByRole("button", { name: "Importa", exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await expectAccessible(page, "budget report with a failed check");
    await page.getByLabel("Motivazione per importare nonostante i controlli non superati").fill("refuso nel report");
    await importButton.click();
    await page
      .getByRole("status")
      .filter({ hasText: /Importato come documento \d+/ })
      .waitFor();
  });

  it("links half of a spending line to a plan objective and shows what the objective costs", async () => {
    await page.goto(`${app.server.url}${documentPath}?section=1.B&rows=line`);
    const line = page.getByTestId("pivot-table").getByRole("link", { name: /^3792\/1\/0 FONDO A RENDER CONTO/ });
    await line.click();
    await waitForHeading(page, /previsione 2022/);
    await page.getByTestId("line-summary").filter({ hasText: "15.000,00" }).waitFor();
    await page.getByLabel("Piano di Zona", { exact: true }).selectOption({ index: 1 });
    const objective = page.getByLabel("Obiettivo", { exact: true });
    await objective.locator("option").nth(1).waitFor({ state: "attached" });
    await objective.selectOption({ index: 1 });
    const objectiveLabel = (await objective.locator("option:checked").textContent()) as string;
    await page.getByLabel("Quota in %").fill("50");
    await page.getByRole("button", { name: "Collega", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Collegamento salvato." }).waitFor();
    const linked = page.getByTestId("line-links").getByRole("row").filter({ hasText: "50.00 %" });
    expect(await linked.textContent()).toContain("7500,00");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "budget line links");

    await linked.getByRole("link").click();
    await waitForHeading(page, "Quanto costa un obiettivo o un servizio");
    const cost = page.getByTestId("target-cost");
    await cost.waitFor();
    expect(await cost.getByRole("heading", { level: 2 }).textContent()).toContain(objectiveLabel.split(" ")[0]);
    expect(await page.getByTestId("cost-lines").textContent()).toContain("3792/1/0");
    expect(await page.getByTestId("cost-lines-total").textContent()).toMatch(/7500,00/);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "budget costs");
  });
});

import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();
const AMBITO = "visconteo-sud-milano";
const CODE = `contributo-affitti-${randomBytes(3).toString("hex")}`;
const TITLE = `Contributo straordinario affitti ${CODE.slice(-6)}`;

async function waitForText(page: Page, testId: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    last =
      (await page
        .getByTestId(testId)
        .textContent()
        .catch(() => "")) ?? "";
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Expected ${testId} to match ${pattern}, was ${JSON.stringify(last)}`);
}

describe("the call editor", { timeout: 150_000 }, () => {
  let officer: Page;
  let visitor: Page;
  afterAll(async () => {
    for (const p of [officer, visitor]) await p?.context().close();
  });

  it("an officer writes a call, sees who qualifies, fixes the field errors, creates and opens it", async () => {
    officer = await newPage(app.browser);
    await logIn(officer, app.server.url, "udp.visconteo", app.server.demoPassword);
    await officer.goto(`${app.server.url}/a/${AMBITO}/offerta`);
    await waitForHeading(officer, "Offerta e accesso");
    await officer.getByRole("link", { name: /Misura Unica: sostegno al pagamento del canone/ }).click();
    await waitForHeading(officer, /Istruttoria/);
    // A seeded call opens in the editor with its rules as rows ("all of" conditions included).
    await officer.getByRole("link", { name: "Modifica bando" }).click();
    await waitForHeading(officer, /^Modifica: Avviso pubblico Misura Unica/);
    const rules = officer.getByTestId("rules");
    expect(await rules.getByLabel("Valore", { exact: true }).nth(2).inputValue()).toBe("26000");
    const contract = rules.locator(".card").filter({ hasText: "Requisito 4" });
    expect(await contract.getByLabel("Dato", { exact: true }).count()).toBe(2);
    await expectAccessible(officer, "editor of a seeded call");
    await officer.goBack();
    await officer.getByRole("link", { name: "Nuovo bando" }).click();
    await waitForHeading(officer, "Nuovo bando");

    await officer.getByLabel("Codice", { exact: true }).fill(CODE);
    await officer.getByLabel("Titolo").fill(TITLE);
    await officer.getByLabel("Contributo massimo (€)").fill("1.000,00");
    // A value that is not an amount is reported next to the value while typing, by the server's check.
    await officer.getByLabel("Valore", { exact: true }).fill("ventimila");
    await officer.getByText("Serve un numero").waitFor();
    await officer.getByLabel("Valore", { exact: true }).fill("20.000,00");
    await officer.getByText("Serve un numero").waitFor({ state: "detached" });

    // The live preview applies the unsaved rule to example answers.
    const preview = officer.getByRole("region", { name: "Anteprima: chi rientra" });
    await preview.getByLabel("ISEE del nucleo (€)").fill("25.000,00");
    await waitForText(
      officer,
      "preview",
      /Non rientra nei requisiti.*ISEE: 25\.000,00 € \(richiesto: al massimo 20\.000,00 €\)/,
    );
    await preview.getByLabel("ISEE del nucleo (€)").fill("15.000,00");
    await waitForText(officer, "preview", /^Rientra nei requisiti/);
    await expectAccessible(officer, "new call editor");

    // Saving without the requirement's description: refused, the error is next to the field.
    await officer.getByRole("button", { name: "Crea il bando" }).click();
    const labelIt = officer.getByLabel("Descrizione (italiano)");
    await officer
      .locator("#" + (await labelIt.getAttribute("id")) + "-error")
      .filter({ hasText: "Campo obbligatorio" })
      .waitFor();
    expect(await labelIt.getAttribute("aria-invalid")).toBe("true");
    await labelIt.fill("ISEE fino a 20.000 €");
    await officer.getByLabel("Descrizione (inglese)").fill("ISEE up to € 20,000");
    await officer.getByRole("button", { name: "Crea il bando" }).click();

    await waitForHeading(officer, `Modifica: ${TITLE}`);
    await officer.getByText("Bando creato").waitFor();
    await waitForText(officer, "call-status", /Bozza · non accetta domande/);
    await officer.getByRole("button", { name: "Apri il bando" }).click();
    await waitForText(officer, "call-status", /Aperto · accetta domande/);
    await expectAccessible(officer, "call editor with status");
  });

  it("the opened call is on the public portal's list of calls, with its rule", async () => {
    visitor = await newPage(app.browser);
    await visitor.goto(`${app.server.url}/bandi/${AMBITO}`);
    const item = visitor.getByRole("listitem").filter({ has: visitor.getByRole("link", { name: TITLE }) });
    expect(await item.locator(".badge").first().textContent()).toBe("Aperto");
    await item.getByRole("link", { name: TITLE }).click();
    await waitForHeading(visitor, TITLE);
    await visitor.getByText("ISEE fino a 20.000 €").first().waitFor();
    expect(await visitor.getByText("Il bando non accetta domande in questo momento.").count()).toBe(0);
  });
});

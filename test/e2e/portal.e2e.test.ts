import { randomInt } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalCodeCheckChar } from "../../src/shared/fiscal-code.ts";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();
const AMBITO = "visconteo-sud-milano";
const CALL = "sostegno-affitto-2026";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** A valid codice fiscale of nobody in particular, so reruns on a kept database never collide. */
function randomFiscalCode(): string {
  const letters = "BCDFGHLMNPRSTVZ";
  const pick = (n: number) => Array.from({ length: n }, () => letters[randomInt(letters.length)]).join("");
  const first15 = `${pick(6)}${String(randomInt(40, 99))}A${String(randomInt(10, 28))}H501`;
  return first15 + fiscalCodeCheckChar(first15);
}

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

describe("the citizen portal and the back office", { timeout: 150_000 }, () => {
  let visitor: Page;
  let citizen: Page;
  let officer: Page;
  let receiptCode = "";
  let protocol = "";

  beforeAll(async () => {
    visitor = await newPage(app.browser);
  });
  afterAll(async () => {
    for (const p of [visitor, citizen, officer]) await p?.context().close();
  });

  it("a visitor finds a service by keyword and place, with the list and the schematic map", async () => {
    await visitor.goto(`${app.server.url}/servizi`);
    await waitForHeading(visitor, "Servizi sociali vicino a te");
    await visitor.getByLabel("Parola chiave").fill("nido");
    await visitor.getByLabel("Comune").selectOption({ label: "Rozzano" });
    await visitor.getByRole("button", { name: "Cerca", exact: true }).click();
    await visitor.getByRole("heading", { name: "7 servizi trovati" }).waitFor();
    await visitor.getByTestId("places-map").locator("svg").waitFor();
    expect(await visitor.getByRole("img", { name: /Mappa schematica: 7 luoghi in 1 Comuni/ }).count()).toBe(1);
    await expectAccessible(visitor, "portal search");
    await visitor.getByRole("link", { name: "Asilo nido Aquilone" }).click();
    await waitForHeading(visitor, "Asilo nido Aquilone");
    await visitor.getByText(/Ultima verifica/).waitFor();
    await expectAccessible(visitor, "service page");
  });

  it("checks which services fit from a few answers, without login", async () => {
    await visitor.goto(`${app.server.url}/servizi/orientamento`);
    await waitForHeading(visitor, "Quali servizi fanno per me");
    await visitor.getByLabel("Età (anni)").fill("80");
    await visitor.getByLabel("ISEE del nucleo (€)").fill("12.000,00");
    await visitor
      .getByLabel("Condizione di disabilità nel nucleo")
      .selectOption({ label: "Indennità di accompagnamento" });
    await visitor.getByRole("button", { name: "Mostra cosa fa per me" }).click();
    await visitor.getByRole("heading", { name: "Bandi aperti" }).waitFor();
    await visitor
      .getByRole("link", { name: /Misura B2/ })
      .first()
      .waitFor();
    await expectAccessible(visitor, "fit page");
  });

  it("the rent-support call explains why an ISEE of 26.000,01 € does not qualify", async () => {
    await visitor.goto(`${app.server.url}/bandi/${AMBITO}`);
    await waitForHeading(visitor, "Bandi e avvisi");
    await expectAccessible(visitor, "calls list");
    await visitor.getByRole("link", { name: /Misura Unica: sostegno al pagamento del canone/ }).click();
    await waitForHeading(visitor, /Misura Unica/);
    await visitor.getByLabel("ISEE del nucleo (€)").fill("26.000,01");
    await visitor.getByRole("button", { name: "Verifica i requisiti" }).click();
    const verdict = await waitForText(visitor, "evaluation", /Non hai tutti i requisiti/);
    expect(verdict).toContain("ISEE: 26.000,01 € (richiesto: al massimo 26.000,00 €)");
    await expectAccessible(visitor, "call page with self-check");
    await visitor.goto(`${app.server.url}/stato-domanda`);
    await waitForHeading(visitor, "Stato della domanda");
    await expectAccessible(visitor, "status lookup");
  });

  it("the citizen applies with an attachment and gets a protocol number and a receipt", async () => {
    citizen = await newPage(app.browser);
    await logIn(citizen, app.server.url, "cittadino", app.server.demoPassword);
    await citizen.goto(`${app.server.url}/bandi/${AMBITO}/${CALL}`);
    await citizen.getByRole("link", { name: "Compila la domanda" }).click();
    await waitForHeading(citizen, "Domanda");
    const cf = randomFiscalCode();
    await citizen.getByLabel("Nome e cognome del richiedente").fill("Cittadino Demo");
    await citizen.getByLabel("Codice fiscale del richiedente").fill(cf);
    await citizen.getByLabel("Importo richiesto (€)").fill("1.200,00");
    await citizen.getByLabel("Comune di residenza del richiedente").selectOption({ label: "Rozzano" });
    await citizen.getByLabel("ISEE del nucleo (€)").fill("14.500,00");
    await citizen.getByLabel("Residenza in un Comune dell'Ambito").selectOption({ label: "Sì" });
    await citizen.getByLabel("Da quanti mesi risiedi nell'alloggio attuale").fill("18");
    await citizen.getByLabel("Situazione abitativa").selectOption({ label: "Affitto sul libero mercato" });
    await citizen
      .getByLabel("Contratto di locazione registrato all'Agenzia delle Entrate")
      .selectOption({ label: "Sì" });
    await citizen.getByLabel("Procedura di sfratto in corso").selectOption({ label: "No" });
    await citizen
      .getByLabel("Proprietà di un alloggio adeguato in Lombardia (R.R. 4/2017)")
      .selectOption({ label: "No" });
    await citizen.getByLabel("Minori nel nucleo").fill("2");
    await expectAccessible(citizen, "application form");
    await citizen.getByRole("button", { name: "Salva la bozza" }).click();
    await waitForText(citizen, "evaluation", /Hai i requisiti/);
    // A program renamed to .pdf is refused; the real PDF is accepted.
    await citizen
      .getByLabel("File")
      .setInputFiles({ name: "contratto.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00") });
    await citizen.getByRole("button", { name: "Allega" }).click();
    await citizen.getByText(/Allegato rifiutato: only PDF, PNG and JPEG/).waitFor();
    await citizen.getByLabel("File").setInputFiles({ name: "contratto.pdf", mimeType: "application/pdf", buffer: PDF });
    await citizen.getByRole("button", { name: "Allega" }).click();
    await waitForText(citizen, "attachments", /contratto\.pdf/);
    await expectAccessible(citizen, "application draft");
    await citizen.getByRole("button", { name: "Invia la domanda" }).click();
    protocol = (await waitForText(citizen, "protocol", /^\d{4}\/\d{6}$/)).trim();
    receiptCode = (await waitForText(citizen, "receipt-code", /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)).trim();
    await expectAccessible(citizen, "receipt");
  });

  it("an officer reviews, approves, computes and publishes the ranking", async () => {
    officer = await newPage(app.browser);
    await logIn(officer, app.server.url, "udp.visconteo", app.server.demoPassword);
    await officer.goto(`${app.server.url}/a/${AMBITO}/offerta`);
    await waitForHeading(officer, "Offerta e accesso");
    await expectAccessible(officer, "offerta back office");
    await officer.getByRole("link", { name: /Misura Unica: sostegno al pagamento del canone/ }).click();
    await waitForHeading(officer, /Istruttoria/);
    await expectAccessible(officer, "review queue");
    await officer.getByRole("link", { name: protocol }).click();
    await waitForHeading(officer, `Domanda ${protocol}`);
    await expectAccessible(officer, "application review");
    // The Comune the citizen declared: its social service gets the referral on approval.
    await officer.getByText("Rozzano", { exact: true }).waitFor();
    await officer.getByRole("button", { name: "Avvia istruttoria" }).click();
    await waitForText(officer, "review-status", /In istruttoria/);
    await officer.getByRole("button", { name: "Ammetti" }).click();
    await waitForText(officer, "review-status", /Ammessa/);
    // ISEE 14.500 € of 26.000 € and minors: 60 × (1 − 14.500/26.000) + 15.
    expect(await waitForText(officer, "review-score", /\d/)).toContain("41.54");
    await officer.goto(`${app.server.url}/a/${AMBITO}/offerta`);
    await officer
      .getByRole("row")
      .filter({ hasText: "Misura Unica" })
      .getByRole("link", { name: "Graduatoria" })
      .click();
    await waitForHeading(officer, /Graduatoria: Avviso pubblico Misura Unica/);
    await officer.getByRole("button", { name: "Calcola la graduatoria" }).click();
    await officer.getByTestId("ranking-table").getByRole("cell", { name: protocol }).waitFor();
    await officer.getByRole("button", { name: "Pubblica" }).click();
    await officer.getByText(/Pubblicata il/).waitFor();
    await expectAccessible(officer, "ranking back office");
  });

  it("the citizen sees the bell count and the notifications of the decision, and marks them read", async () => {
    await citizen.goto(`${app.server.url}/bandi/${AMBITO}`);
    await waitForHeading(citizen, "Bandi e avvisi");
    const bell = citizen.getByTestId("notification-bell");
    // Submitted, approved, ranking published: at least three unread (a kept database may hold more).
    await citizen.getByTestId("notification-count").waitFor();
    const label = (await bell.getAttribute("aria-label")) ?? "";
    expect(Number(/Notifiche: (\d+) da leggere/.exec(label)?.[1])).toBeGreaterThanOrEqual(3);
    expect(
      Number((await citizen.getByTestId("notification-count").textContent())?.replace("+", "")),
    ).toBeGreaterThanOrEqual(3);
    await bell.click();
    await waitForHeading(citizen, "Notifiche");
    const mine = citizen.getByTestId("notification").filter({ hasText: protocol });
    await mine.first().waitFor();
    expect(await mine.filter({ hasText: "è stata ammessa" }).count()).toBe(1);
    expect(await mine.filter({ hasText: "è finanziata" }).count()).toBe(1);
    expect(await mine.filter({ hasText: receiptCode }).count()).toBe(1);
    // Names and the officer's words never appear in a notification.
    expect((await citizen.getByTestId("notification-list").textContent()) ?? "").not.toContain("Cittadino Demo");
    await expectAccessible(citizen, "notifications");
    await citizen.getByRole("button", { name: "Segna tutte come lette" }).click();
    await waitForText(citizen, "unread-summary", /Nessuna notifica da leggere/);
    await citizen.getByRole("link", { name: "Notifiche: nessuna da leggere" }).waitFor();
    await expectAccessible(citizen, "notifications, all read");
    await mine
      .filter({ hasText: "è stata ammessa" })
      .getByRole("link", { name: /Vedi la domanda/ })
      .click();
    await waitForHeading(citizen, "Stato della domanda");
    await waitForText(citizen, "status-state", /Ammessa/);
  });

  it("the citizen sees the outcome by receipt code, and the public ranking shows pseudonyms only", async () => {
    await visitor.goto(`${app.server.url}/stato-domanda?codice=${receiptCode}`);
    await waitForText(visitor, "status-state", /Ammessa/);
    const outcome = await waitForText(visitor, "status-ranking", /Posizione \d+/);
    // Italian groups thousands from five digits: 1200,00 €.
    expect(outcome).toMatch(/finanziata, 1\.?200,00\s€/);
    await expectAccessible(visitor, "status with outcome");
    await visitor.goto(`${app.server.url}/bandi/${AMBITO}/${CALL}/graduatoria`);
    const table = visitor.getByTestId("ranking-table");
    await table.waitFor();
    const text = (await table.textContent()) ?? "";
    expect(text).toMatch(/P-[0-9A-F]{8}/);
    expect(text).not.toContain(protocol);
    expect(text).not.toContain("Cittadino Demo");
    await expectAccessible(visitor, "public ranking");
  });
});

import { describe, expect, it } from "vitest";
import { fiscalCodeCheckChar } from "../../src/shared/fiscal-code.ts";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForCount, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();
const AMBITO = "visconteo-sud-milano";
// An invented person (not in the demo data): codice fiscale with its real check character.
const CF = `MRTLCU67C52H623${fiscalCodeCheckChar("MRTLCU67C52H623")}`;

/** The social worker's day in the Cartella, the Comune boundary, the audit and the emergency review. */
describe("Cartella sociale in the browser", { timeout: 300_000 }, () => {
  it("takes a person from the first access to a case with assessment, plan, intervention and diary", async () => {
    const page = await newPage(app.browser);
    await logIn(page, app.server.url, "as.rozzano", app.server.demoPassword);
    await page.goto(`${app.server.url}/a/${AMBITO}/cartella`);
    await waitForHeading(page, "Cartella sociale");
    await page.getByRole("heading", { name: "Le mie prese in carico" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "Cartella home");

    // Register the person.
    await page.getByRole("link", { name: "Nuova persona" }).click();
    await waitForHeading(page, "Nuova persona");
    await page.getByRole("textbox", { name: "Codice fiscale" }).fill("MRTLCU67C52H623A");
    await page.getByRole("textbox", { name: "Cognome" }).fill("Martini");
    await page.getByRole("textbox", { name: "Nome", exact: true }).fill("Lucia");
    await page.getByRole("button", { name: "Registra la persona" }).click();
    // A wrong check character is caught, beside the field.
    await page.getByText("check character does not match: probably a typo").waitFor();
    await expectAccessible(page, "new person form with an error");
    await page.getByRole("textbox", { name: "Codice fiscale" }).fill(CF);
    await page.getByRole("button", { name: "Registra la persona" }).click();
    await waitForHeading(page, "Martini Lucia");
    expect(await page.getByText("12 mar 1967").count()).toBe(1);

    // Record the access at the segretariato, which leads to a full intake.
    await page.getByRole("button", { name: "Registra un accesso" }).click();
    await page.getByLabel("Richiesta espressa").fill("Chiede sostegno: vive sola e non riesce più a fare la spesa");
    await page.getByLabel("Area del bisogno").selectOption("anziani");
    await page.getByLabel("Esito").selectOption("full_intake");
    await expectAccessible(page, "access form");
    await page.getByRole("button", { name: "Registra l'accesso" }).click();
    await page.getByRole("heading", { name: "Apri una presa in carico", level: 3 }).waitFor();
    await page.getByLabel("Area di utenza").selectOption("anziani");
    await page.getByRole("button", { name: "Apri la presa in carico" }).click();
    await waitForHeading(page, "Presa in carico di Martini Lucia");
    const caseUrl = page.url();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "case file");

    // Assessment on the SVAMA-like form, drawn from its definition.
    await page.getByRole("button", { name: "Nuova valutazione" }).click();
    await page
      .getByLabel("Scheda di valutazione")
      .selectOption({ label: "Valutazione multidimensionale (scala SVAMA semplificata) (v1)" });
    await page.getByLabel("Mobilità *").selectOption("2");
    await page.getByLabel("Attività della vita quotidiana (igiene, vestirsi, alimentarsi) *").selectOption("2");
    await page.getByLabel("Disturbi della memoria e dell'orientamento *").selectOption("1");
    await page.getByLabel(/Disturbi del comportamento/).selectOption("1");
    await page.getByLabel(/Necessità di cure sanitarie/).selectOption("1");
    await page.getByLabel("Situazione economica *").selectOption("2");
    await page.getByLabel("Rete familiare e informale *").selectOption("3");
    await page.getByLabel("Condizione abitativa *").selectOption("adeguata");
    await expectAccessible(page, "assessment form");
    await page.getByRole("button", { name: "Registra la valutazione" }).click();
    // 6 + 8 + 0 + 0 + 0 + 3 + 8 + 0 points: moderate need.
    await page.getByText(/Valutazione multidimensionale.*: 25 \(Bisogno assistenziale moderato\)/).waitFor();

    // The personalised plan.
    await page.getByRole("button", { name: "Scrivi il progetto" }).click();
    await page.getByLabel("Obiettivo", { exact: true }).fill("Fare la spesa in autonomia con un aiuto settimanale");
    await page.getByLabel("Azione", { exact: true }).fill("Accompagnamento settimanale al supermercato");
    await page.getByLabel("Chi la svolge").fill("Volontari dell'associazione di quartiere");
    await page.getByLabel("Stato del progetto").selectOption("active");
    await expectAccessible(page, "plan editor");
    await page.getByRole("button", { name: "Salva il progetto" }).click();
    await page.getByText("Fare la spesa in autonomia con un aiuto settimanale").waitFor();
    await page.getByText("In corso · v1").waitFor();

    // An intervention whose shares do not add up is refused beside the fields, then corrected.
    await page.getByRole("button", { name: "Nuovo intervento" }).click();
    await page
      .getByLabel("Prestazione")
      .selectOption({ label: "Assistenza domiciliare socio-assistenziale (SAD) (A2.07)" });
    await page.getByLabel("Ore per periodo").fill("4");
    await page.getByLabel("Importo totale (euro)").fill("320");
    await page.getByLabel("Quota Comune (euro)").fill("250");
    await page.getByLabel("Quota utente (euro)").fill("60");
    await page.getByRole("button", { name: "Registra l'intervento" }).click();
    // All three shares are marked, in the user's language and in euro.
    const sharesError = page.getByText("Le quote sommano 310,00 €, non l'importo totale di 320,00 €.");
    await sharesError.first().waitFor();
    expect(await sharesError.count()).toBe(3);
    await expectAccessible(page, "intervention form with errors");
    await page.getByLabel("Quota utente (euro)").fill("70");
    await page.getByRole("button", { name: "Registra l'intervento" }).click();
    const interventions = page.getByRole("table", { name: "Interventi" });
    await interventions.getByText("Assistenza domiciliare socio-assistenziale (SAD)").waitFor();
    expect(await interventions.textContent()).toContain("70,00");

    // A diary note.
    await page.getByRole("button", { name: "Nuova nota" }).click();
    await page.getByLabel("Tipo").selectOption("home_visit");
    await page.getByLabel("Nota", { exact: true }).fill("Visita domiciliare: casa in ordine, frigorifero quasi vuoto.");
    await page.getByRole("button", { name: "Salva la nota" }).click();
    await page.getByText("Visita domiciliare: casa in ordine, frigorifero quasi vuoto.").waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "case file after the journey");
    await page.context().close();

    // Another Comune's social worker is refused the case and the person, and offered the emergency access.
    const opera = await newPage(app.browser);
    await logIn(opera, app.server.url, "as.opera", app.server.demoPassword);
    await opera.goto(caseUrl);
    await opera.getByText("Elemento non trovato.").waitFor();
    expect(await opera.getByText("Martini").count()).toBe(0);
    await expectAccessible(opera, "case refused");
    const personLink = caseUrl.replace(/\/casi\/.*/, "");
    await opera.goto(personLink);
    await opera.getByRole("searchbox", { name: "Cognome, nome o codice fiscale" }).fill(CF);
    await opera.getByRole("button", { name: "Cerca" }).click();
    await opera.getByRole("heading", { name: "Persona seguita da un altro Comune" }).waitFor();
    await opera.getByRole("button", { name: "Accesso di emergenza" }).click();
    await opera.getByRole("dialog", { name: "Accesso di emergenza alla cartella" }).waitFor();
    await expectAccessible(opera, "emergency access dialog");
    await opera
      .getByLabel("Motivo dell'urgenza")
      .fill("Chiamata dal pronto soccorso: serve il nome del familiare da avvisare");
    await opera.getByRole("button", { name: "Apri la cartella" }).click();
    await waitForHeading(opera, "Martini Lucia");
    await opera.getByText(/accesso di emergenza: sola lettura/).waitFor();
    await opera.context().close();

    // The worker in charge sees every access in the person's report, the denied one included.
    const back = await newPage(app.browser);
    await logIn(back, app.server.url, "as.rozzano", app.server.demoPassword);
    await back.goto(`${app.server.url}/a/${AMBITO}/cartella`);
    await back.getByRole("searchbox", { name: "Cognome, nome o codice fiscale" }).fill("Martini");
    await back.getByRole("button", { name: "Cerca" }).click();
    await back
      .getByRole("table", { name: /persona/ })
      .getByRole("link", { name: "Martini", exact: true })
      .click();
    await waitForHeading(back, "Martini Lucia");
    await back.getByRole("button", { name: "Mostra gli accessi" }).click();
    const report = back.getByRole("table", { name: "Chi ha consultato la cartella" });
    await report.getByText("case.open").waitFor();
    const rows = await report.locator("tbody tr").allTextContents();
    for (const action of [
      "person.create",
      "access.create",
      "case.open",
      "assessment.create",
      "plan.save",
      "intervention.create",
      "note.create",
    ]) {
      expect(
        rows.some((r) => r.includes("Assistente sociale Rozzano") && r.includes(action)),
        action,
      ).toBe(true);
    }
    expect(
      rows.some((r) => r.includes("Assistente sociale Opera") && r.includes("case.read") && r.includes("negato")),
    ).toBe(true);
    expect(rows.some((r) => r.includes("Assistente sociale Opera") && r.includes("person.emergency_access"))).toBe(
      true,
    );
    await expectAccessible(back, "access report");
    await back.context().close();

    // The Ufficio di Piano reviews the emergency access.
    const udp = await newPage(app.browser);
    await logIn(udp, app.server.url, "udp.visconteo", app.server.demoPassword);
    await udp.goto(`${app.server.url}/a/${AMBITO}/cartella/accessi-emergenza`);
    await waitForHeading(udp, "Accessi di emergenza");
    const row = udp.getByRole("row", { name: /Assistente sociale Opera/ });
    await row.getByText("Chiamata dal pronto soccorso").waitFor();
    await udp.waitForLoadState("networkidle");
    await expectAccessible(udp, "emergency review");
    await row.getByRole("button", { name: "Giustificato", exact: true }).click();
    await waitForCount(row.getByRole("button"), 0);
    expect(await row.textContent()).toContain("Giustificato");
    await udp.context().close();
  });
});

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fiscalCodeCheckChar } from "../../src/shared/fiscal-code.ts";
import { expectAccessible, logIn, newPage, setUpAppInBrowser, waitForCount, waitForHeading } from "./browser.ts";

const app = setUpAppInBrowser();
const AMBITO = "visconteo-sud-milano";
// An invented person (not in the demo data): codice fiscale with its real check character.
const cf = (first15: string) => `${first15}${fiscalCodeCheckChar(first15)}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A person of the worker's Comune with an open case, set up through the API the pages use. */
async function personWithCase(page: Page, fiscalCode: string, familyName: string): Promise<string> {
  const url = app.server.url;
  const me = await (await page.request.get(`${url}/api/auth/me`)).json();
  const headers = { "x-csrf-token": me.csrfToken as string };
  const comuneIstat = me.user.roles[0].comuneIstat as string;
  const person = await page.request.post(`${url}/api/ambiti/${AMBITO}/people`, {
    headers,
    data: { comuneIstat, fiscalCode, familyName, givenName: "Paolo" },
  });
  expect(person.status(), await person.text()).toBe(201);
  const opened = await page.request.post(`${url}/api/ambiti/${AMBITO}/cases`, {
    headers,
    data: {
      personId: (await person.json()).id,
      comuneIstat,
      userArea: "disabili",
      level: "voluntary",
      openedOn: day(0),
    },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  return `${url}/a/${AMBITO}/cartella/casi/${(await opened.json()).id}`;
}

/** The rest of the case workflow in the browser: tasks, reviews, waiting lists, referrals, lifecycle. */
describe("Cartella: the case workflow in the browser", { timeout: 300_000 }, () => {
  it("adds and completes a task, reviews the plan, uses a waiting list and a referral", async () => {
    const page = await newPage(app.browser);
    await logIn(page, app.server.url, "as.rozzano", app.server.demoPassword);
    const caseUrl = await personWithCase(page, cf("VRDPLA55E15H623"), "Verdi");
    await page.goto(caseUrl);
    await waitForHeading(page, "Presa in carico di Verdi Paolo");

    // A reminder: a missing title is marked beside the field; an overdue one is flagged.
    await page.getByRole("button", { name: "Nuovo promemoria" }).click();
    await page.getByRole("button", { name: "Salva il promemoria" }).click();
    await page.locator("#task-title[aria-invalid=true]").waitFor();
    await expectAccessible(page, "task form with an error");
    await page.getByLabel("Cosa fare").fill("Telefonare alla figlia per la visita");
    await page.getByLabel("Scadenza").fill(day(-1));
    await page.getByRole("button", { name: "Salva il promemoria" }).click();
    const tasks = page.locator("#tasks");
    await tasks.getByText("Telefonare alla figlia per la visita").waitFor();
    expect(await tasks.locator("li", { hasText: "Telefonare alla figlia" }).textContent()).toContain("scaduto");

    // The plan with a review already due, then the review: progress per goal and the next date.
    await page.getByRole("button", { name: "Scrivi il progetto" }).click();
    await page.getByLabel("Obiettivo", { exact: true }).fill("Frequentare il centro diurno tre giorni a settimana");
    await page.getByLabel("Stato del progetto").selectOption("active");
    await page.getByLabel("Prossima verifica").fill(day(-2));
    await page.getByRole("button", { name: "Salva il progetto" }).click();
    const plan = page.locator("#plan");
    await plan.getByText("Verifica scaduta").waitFor();
    await plan.getByRole("button", { name: "Registra una verifica" }).click();
    await page.getByLabel("Andamento").selectOption("achieved");
    await page.getByLabel("Osservazioni sull'obiettivo").fill("Frequenta regolarmente");
    expect(await page.getByLabel("Prossima verifica").inputValue()).toBe(
      new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 6, new Date().getUTCDate()))
        .toISOString()
        .slice(0, 10),
    );
    await expectAccessible(page, "plan review form");
    await page.getByRole("button", { name: "Salva la verifica" }).click();
    // The recorded review's heading carries its date ("Verifica del 23 nov 2026"); the form's own
    // heading ("Verifica del progetto") must not count as the saved review.
    await plan.getByRole("heading", { name: /^Verifica del \d/ }).waitFor();
    expect(await plan.textContent()).toContain("Raggiunto");
    await waitForCount(plan.getByText("Verifica scaduta"), 0);
    await plan.getByText("In corso · v2").waitFor();

    // Two workers on the same plan: the second save is refused and the editor offers a reload.
    await page.getByRole("button", { name: "Scrivi il progetto" }).click();
    const me = await (await page.request.get(`${app.server.url}/api/auth/me`)).json();
    const caseId = caseUrl.split("/").pop();
    const colleague = await page.request.post(`${app.server.url}/api/ambiti/${AMBITO}/cases/${caseId}/plan`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: {
        version: 2,
        status: "active",
        goals: [{ id: "g-colleague", text: "Obiettivo della collega", actions: [] }],
      },
    });
    expect(colleague.status()).toBe(200);
    await page.getByRole("button", { name: "Salva il progetto" }).click();
    await page.getByText("Un collega ha modificato il progetto").waitFor();
    await expectAccessible(page, "plan conflict");
    await page.getByRole("button", { name: "Ricarica il progetto" }).click();
    await plan.getByText("Obiettivo della collega").first().waitFor();
    await page.getByRole("button", { name: "Annulla" }).first().click();

    // A place on a waiting list: position and priority shown.
    await page.getByRole("button", { name: "Inserisci in lista d'attesa" }).click();
    await page
      .getByLabel("Servizio", { exact: true })
      .selectOption({ label: "Assistenza domiciliare socio-assistenziale (SAD)" });
    await page.getByLabel("Priorità").selectOption("2");
    await expectAccessible(page, "waiting-list form");
    await page.getByRole("button", { name: "Inserisci in lista", exact: true }).click();
    const waiting = page.getByRole("table", { name: "Liste d'attesa" });
    const entry = waiting.getByRole("row", { name: /Assistenza domiciliare/ });
    await entry.waitFor();
    const cells = await entry.getByRole("cell").allTextContents();
    expect(cells).toContain("2 – alta");
    expect(cells).toContain("In attesa");
    expect(cells.some((c) => /^\d+$/.test(c))).toBe(true);

    // A referral, then its answer.
    await page.getByRole("button", { name: "Nuovo invio" }).click();
    await page.getByLabel("Servizio a cui si invia").fill("CPS di Rozzano");
    await expectAccessible(page, "referral form");
    await page.getByRole("button", { name: "Registra l'invio" }).click();
    const answer = page.getByLabel("Esito dell'invio a CPS di Rozzano");
    await answer.waitFor();
    expect(await answer.inputValue()).toBe("sent");
    await answer.selectOption("accepted");
    await page.waitForLoadState("networkidle");
    await page.reload();
    await waitForHeading(page, "Presa in carico di Verdi Paolo");
    expect(await page.getByLabel("Esito dell'invio a CPS di Rozzano").inputValue()).toBe("accepted");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "case file with the new sections");

    // My work: the overdue reminder and the waiting list; the reminder is done from there.
    await page.goto(`${app.server.url}/a/${AMBITO}/cartella`);
    const due = page.locator("section", { has: page.getByRole("heading", { name: "Scaduti e in scadenza" }) });
    await due.getByRole("link", { name: "Telefonare alla figlia per la visita" }).waitFor();
    const myWaiting = page.getByRole("table", { name: "Le mie persone in lista d'attesa" });
    await myWaiting.getByRole("link", { name: "Verdi Paolo" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "my work");
    await due.getByRole("button", { name: "Segna come fatto: Telefonare alla figlia per la visita" }).click();
    await waitForCount(due.getByText("Telefonare alla figlia per la visita"), 0);

    // Back in the case: the reminder is done; the person leaves the waiting list.
    await page.goto(caseUrl);
    await tasks.getByText("Telefonare alla figlia per la visita (Da seguire, fatto)").waitFor();
    await page
      .getByRole("button", { name: "Togli dalla lista: Assistenza domiciliare socio-assistenziale (SAD)" })
      .click();
    await entry.getByText("Ritirata").waitFor();
    await page.context().close();
  });

  it("closes with a reason and reopens, then transfers to another Comune that takes over", async () => {
    const page = await newPage(app.browser);
    await logIn(page, app.server.url, "as.rozzano", app.server.demoPassword);
    const caseUrl = await personWithCase(page, cf("NRIPLA60A01H623"), "Neri");
    await page.goto(caseUrl);
    await waitForHeading(page, "Presa in carico di Neri Paolo");

    // Close with a reason from the server's list (none chosen is refused beside the field), then reopen.
    await page.getByRole("button", { name: "Chiudi", exact: true }).click();
    await page.getByRole("button", { name: "Conferma la chiusura" }).click();
    await page.locator("#close-reason[aria-invalid=true]").waitFor();
    await expectAccessible(page, "close form with an error");
    await page.getByLabel("Motivo della chiusura").selectOption("needs_resolved");
    await page.getByRole("button", { name: "Conferma la chiusura" }).click();
    await page.getByText(/Chiusa — .*, Bisogni risolti/).waitFor();
    // A closed case takes no new records until reopened.
    expect(await page.getByRole("button", { name: "Nuovo promemoria" }).count()).toBe(0);
    await page.getByRole("button", { name: "Riapri", exact: true }).click();
    await page.getByLabel("Motivo", { exact: true }).fill("La situazione familiare è peggiorata");
    await page.getByRole("button", { name: "Conferma la riapertura" }).click();
    await page.getByRole("button", { name: "Trasferisci", exact: true }).waitFor();
    await page.locator("summary", { hasText: "Storico degli stati" }).click();
    const history = page.getByRole("table", { name: "Storico degli stati e dei trasferimenti" });
    await history.getByText("La situazione familiare è peggiorata").waitFor();
    expect(await history.textContent()).toContain("Bisogni risolti");
    await expectAccessible(page, "status history");

    // Transfer to Opera: the receiving Comune's worker takes over; the sender loses access.
    await page.getByRole("button", { name: "Trasferisci", exact: true }).click();
    await page.getByText("Il servizio sociale del Comune che riceve prende in carico la persona").waitFor();
    await page.getByLabel("Comune che riceve").selectOption({ label: "Opera" });
    await page.getByLabel("Assistente sociale che riceve").selectOption({ label: "Assistente sociale Opera" });
    await page.getByLabel("Motivo", { exact: true }).fill("Trasferimento di residenza a Opera");
    await expectAccessible(page, "transfer form");
    await page.getByRole("button", { name: "Conferma il trasferimento" }).click();
    await page.getByText("Presa in carico trasferita a Opera").waitFor();
    await expectAccessible(page, "transfer done");
    await page.goto(caseUrl);
    await page.getByText("Elemento non trovato.").waitFor();
    await page.context().close();

    const opera = await newPage(app.browser);
    await logIn(opera, app.server.url, "as.opera", app.server.demoPassword);
    await opera.goto(caseUrl);
    await waitForHeading(opera, "Presa in carico di Neri Paolo");
    await opera.getByText("Assistente sociale Opera (responsabile)").waitFor();
    await opera.locator("summary", { hasText: "Storico degli stati" }).click();
    await opera.getByText("Trasferita da Rozzano a Opera").waitFor();
    await opera.waitForLoadState("networkidle");
    await expectAccessible(opera, "case received by Opera");
    await opera.context().close();
  });
});

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";

/** Debian's Chromium: browser tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const WEB_INDEX = fileURLToPath(new URL("../../dist/web/index.html", import.meta.url));

/** Fails early and clearly when the web app has not been built (npm test builds it first). */
export function assertWebBuilt(): void {
  if (!existsSync(WEB_INDEX)) throw new Error("dist/web is missing: run `npx vite build` before the browser tests");
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh page with its own cookies and storage (one user per context). */
export async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "it-IT" });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("pageerror", (error) => errors.push(error.message));
  return page;
}

const pageErrors = new WeakMap<Page, string[]>();

/** Fails if the page threw an uncaught error since it was opened. */
export function expectNoPageErrors(page: Page): void {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length) throw new Error(`Uncaught errors in the page:\n${errors.join("\n")}`);
}

/** Runs axe with the WCAG 2.1 A and AA rules and fails listing every violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  expectNoPageErrors(page);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  if (result.violations.length === 0) return;
  const lines = result.violations.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ")}`),
  ]);
  throw new Error(`Accessibility violations on ${where}:\n${lines.join("\n")}`);
}

/** Waits until the page's <h1> shows the text (pages render their heading immediately). */
export async function waitForHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.locator("main h1").filter({ hasText: text }).waitFor();
}

/** Polls a locator's count (playwright-core has no auto-retrying expect). */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < until) {
    last = await locator.count();
    if (last === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${count} elements, found ${last}`);
}

/** Logs in through the form and waits for the Ambito home page. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole("textbox", { name: "Nome utente" }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Accedi", exact: true }).click();
  await page.waitForURL(/\/a\/[a-z0-9-]+$/);
  await page.locator("main h1").waitFor();
}

/** The main navigation's link names, in order. */
export async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Navigazione principale" });
  await nav.waitFor();
  return (await nav.getByRole("link").allInnerTexts()).map((s) => s.trim());
}

export interface AppInBrowser {
  server: TestServer;
  browser: Browser;
}

/**
 * The real app with the demo data and one Chromium for the whole test file, closed after it.
 * The returned object is filled in by the file's beforeAll hook.
 */
export function setUpAppInBrowser(): AppInBrowser {
  const app = {} as AppInBrowser;
  beforeAll(async () => {
    assertWebBuilt();
    app.server = await startTestServer();
    app.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

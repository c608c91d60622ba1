/** Shared fixtures of the Cartella API tests (cases.*.test.ts). */
import { expect } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { fiscalCodeCheckChar } from "../../../shared/fiscal-code.ts";

export let t: TestApp;
export let ambito: TestAmbito;
export const cf = (first15: string) => first15 + fiscalCodeCheckChar(first15);
export const today = () => new Date().toISOString().slice(0, 10);
export const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
export const api = (path: string) => `/api/ambiti/${ambito.slug}${path}`;

/** Each test file of the Cartella starts with the app and a fresh Ambito. */
export async function setUpCases(): Promise<void> {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
}

export interface Worker {
  id: number;
  s: Session;
}
export async function worker(comune: "rozzano" | "opera"): Promise<Worker> {
  const u = await createTestUser(
    t.db,
    [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni[comune] }],
    "as",
  );
  return { id: u.id, s: await login(t.app, u.username) };
}

let cfCounter = 0;
/** A person of Rozzano with a case opened by `w`: the fixture most tests start from. */
export async function personWithCase(w: Worker, comune: "rozzano" | "opera" = "rozzano") {
  cfCounter++;
  const code = cf(`RSSMRA${String(50 + cfCounter).padStart(2, "0")}A01H623`);
  const person = await w.s.request({
    method: "POST",
    url: api("/people"),
    payload: { comuneIstat: ambito.comuni[comune], fiscalCode: code, familyName: "Rossi", givenName: "Maria" },
  });
  expect(person.statusCode, person.body).toBe(201);
  const personId = person.json().id as string;
  const opened = await w.s.request({
    method: "POST",
    url: api("/cases"),
    payload: {
      personId,
      comuneIstat: ambito.comuni[comune],
      userArea: "anziani",
      level: "voluntary",
      openedOn: today(),
    },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  return { personId, caseId: opened.json().id as string, code };
}

export const auditFor = (entityId: string) =>
  t.db
    .selectFrom("audit_event")
    .selectAll()
    .where("chain_id", "=", ambito.id)
    .where("entity_id", "=", entityId)
    .orderBy("seq")
    .execute();

export function multipart(fileName: string, type: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = "----filieraTestBoundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
  );
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

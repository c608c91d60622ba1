import { decodeFiscalCode, fiscalCodeProblem } from "../../../shared/fiscal-code.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { isComuneOfAmbito } from "../territory/index.ts";

/**
 * An approved application (Offerta) reaches the Cartella Sociale without re-keying: the applicant is
 * found by codice fiscale in the Ambito (or registered), and a segretariato contact records the
 * referral so the social service of the person's Comune sees it in the file and can open a case.
 */
export interface ApplicationReferral {
  ambitoId: number;
  applicationId: number;
  /** Residence declared in the application; used only when the person is not yet registered. */
  comuneIstat: string | null;
  fiscalCode: string;
  /** Full name as typed in the application ("Maria Rossi"); split using the codice fiscale. */
  fullName: string;
  callTitle: string;
  protocolNumber: string | null;
  actorUserId: number;
  ip: string | null;
}

export type ReferralOutcome =
  | { made: true; personId: string; contactId: string; comuneIstat: string; personCreated: boolean }
  | { made: false; reason: "invalid_fiscal_code" | "no_comune" | "name_mismatch" };

const letters = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
const split = (s: string) => {
  const l = letters(s);
  return { cons: l.replace(/[AEIOU]/g, ""), vow: l.replace(/[^AEIOU]/g, "") };
};
/** The three-letter codes of the codice fiscale (DM 23/12/1976): surname, then given name. */
export function surnameCode(name: string) {
  const { cons, vow } = split(name);
  return `${cons}${vow}XXX`.slice(0, 3);
}
export function givenNameCode(name: string) {
  const { cons, vow } = split(name);
  if (cons.length >= 4) return `${cons[0]}${cons[2]}${cons[3]}`;
  return `${cons}${vow}XXX`.slice(0, 3);
}

/** Splits "Maria Rossi" / "Rossi Maria" / "Anna Maria De Luca" by matching the CF's name codes. */
export function splitName(fullName: string, fiscalCode: string): { familyName: string; givenName: string } | null {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const sur = fiscalCode.slice(0, 3);
  const giv = fiscalCode.slice(3, 6);
  for (let k = 1; k < words.length; k++) {
    const head = words.slice(0, k).join(" ");
    const tail = words.slice(k).join(" ");
    if (surnameCode(tail) === sur && givenNameCode(head) === giv) return { familyName: tail, givenName: head };
    if (surnameCode(head) === sur && givenNameCode(tail) === giv) return { familyName: head, givenName: tail };
  }
  return null;
}

/**
 * Runs inside the caller's transaction (the approval), so approval and referral commit together.
 * Audit details carry ids only: no name, codice fiscale or ISEE figure.
 */
export async function recordReferralFromApplication(trx: Db, r: ApplicationReferral): Promise<ReferralOutcome> {
  const cf = r.fiscalCode.trim().toUpperCase();
  if (fiscalCodeProblem(cf) !== null) return { made: false, reason: "invalid_fiscal_code" };
  const audit = (
    action: string,
    entityType: string,
    id: string,
    comune: string,
    details: Record<string, string | number | boolean | null>,
  ) =>
    recordAudit(trx, {
      ambitoId: r.ambitoId,
      actorUserId: r.actorUserId,
      actorKind: "user",
      action,
      entityType,
      entityId: id,
      comuneIstat: comune,
      purpose: "istruttoria bando: invio al servizio sociale",
      ip: r.ip,
      details,
    });

  let person = await trx
    .selectFrom("person")
    .select(["id", "comune_istat"])
    .where("ambito_id", "=", r.ambitoId)
    .where("fiscal_code", "=", cf)
    .executeTakeFirst();
  let personCreated = false;
  if (!person) {
    if (!r.comuneIstat || !(await isComuneOfAmbito(trx, r.ambitoId, r.comuneIstat))) {
      return { made: false, reason: "no_comune" };
    }
    const name = splitName(r.fullName, cf);
    if (!name) return { made: false, reason: "name_mismatch" };
    const decoded = decodeFiscalCode(cf);
    person = await trx
      .insertInto("person")
      .values({
        ambito_id: r.ambitoId,
        comune_istat: r.comuneIstat,
        fiscal_code: cf,
        provisional: false,
        family_name: name.familyName,
        given_name: name.givenName,
        sex: decoded?.sex ?? null,
        birth_date: decoded?.birthDate ?? null,
        created_by: r.actorUserId,
      })
      .returning(["id", "comune_istat"])
      .executeTakeFirstOrThrow();
    personCreated = true;
    await audit("person.create", "person", person.id, person.comune_istat, {
      source: "cat_application",
      application: r.applicationId,
    });
  }
  const request = `Domanda ${r.protocolNumber ?? `n. ${r.applicationId}`} approvata: ${r.callTitle}`.slice(0, 1000);
  const contact = await trx
    .insertInto("access_contact")
    .values({
      ambito_id: r.ambitoId,
      person_id: person.id,
      comune_istat: person.comune_istat,
      point: "segretariato",
      channel: "service_referral",
      contact_date: new Date().toISOString().slice(0, 10),
      request,
      answered_by: r.actorUserId,
      outcome: "referral",
      referred_to: "servizio sociale comunale",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit("access.create", "access_contact", contact.id, person.comune_istat, {
    person: person.id,
    outcome: "referral",
    point: "segretariato",
    source: "cat_application",
    application: r.applicationId,
  });
  return { made: true, personId: person.id, contactId: contact.id, comuneIstat: person.comune_istat, personCreated };
}

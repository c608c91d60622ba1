import type { FlowHeader, FlowKind, PsBeneficiary, PsBenefit, SinbaRecord } from "./records.ts";

/**
 * XML writers for the two INPS flows (namespace http://inps.it/Casellario, root Flusso). Element
 * order follows the XSD sequences; attributes follow the XSD's declaration order (XML does not
 * require it, but it keeps files diffable against INPS examples). Every element starts its own
 * line, so a validator's line number leads back to the record (see FlowBuilder.refAt).
 */
export const SIUSS_NS = "http://inps.it/Casellario";

const ESC: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};
const esc = (v: string) => v.replace(/[&<>"\n\r\t]/g, (c) => ESC[c] as string);

type AttrValue = string | number | undefined | null;
function attrs(pairs: [string, AttrValue][]): string {
  let out = "";
  for (const [k, v] of pairs) if (v !== undefined && v !== null && v !== "") out += ` ${k}="${esc(String(v))}"`;
  return out;
}

/** YYYY-MM-DD → MM/YYYY (SINBA DataMeseAnnoType). */
export function monthYear(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})/.exec(date);
  return m ? `${m[2]}/${m[1]}` : date;
}

function header(h: FlowHeader): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flusso xmlns="${SIUSS_NS}">\n` +
    `<IdentificazioneFlusso${attrs([["Nome", h.name]])}>\n` +
    `<Ente${attrs([
      ["Codice", h.enteCode],
      ["Denominazione", h.enteName],
      ["Indirizzo", h.enteCadastral],
      ["CFOperatore", h.operatorFiscalCode],
    ])}/>\n</IdentificazioneFlusso>\n`
  );
}

function benefitXml(p: PsBenefit): string {
  const open = `<PrestazioniSociali${attrs([
    ["TipoOperazione", p.operation],
    ["PresenzaProvaMezzi", p.meansTest],
    ["CaratterePrestazione", p.character],
    ["NumeroProtocolloDSU", p.dsu?.number],
    ["AnnoProtocolloDSU", p.dsu?.year],
    ["DataDSU", p.dsu?.date],
    ["CodicePrestazione", p.code],
    ["DenominazionePrestazione", p.name],
    ["ProtocolloDomanda", p.applicationRef],
    ["DataEvento", p.eventDate],
    ["DataInizioPrestazione", p.startDate],
    ["DataFinePrestazione", p.endDate],
    ["DataErogazionePrestazione", p.deliveryDate],
    ["ImportoPrestazione", p.amount],
    ["PeriodoErogazione", p.months],
    ["ImportoMensile", p.monthlyAmount],
    ["ImportoQuotaEnte", p.shareEnte],
    ["ImportoQuotaUtente", p.shareUser],
    ["ImportoQuotaSSN", p.shareSsn],
    ["ImportoQuotaRichiesta", p.shareRequested],
    ["ImportoSogliaISEE", p.iseeThreshold],
    ["OreServizioMensile", p.monthlyHours],
    ["PresaCarico", p.takenInCharge ? 1 : 2],
    ["AreaUtenza", p.userArea],
  ])}`;
  const s = p.sina;
  if (!s) return `${open}/>\n`;
  let sina = `<SINA${attrs([
    ["Mobilita", s.mobility],
    ["AttivitaVitaQuotidiana", s.dailyLiving],
    ["DisturbiAreaCognitiva", s.cognitive],
    ["DisturbiComportamentali", s.behavioural],
    ["NecessitaCureSanitarie", s.healthCare],
    ["AreaReddituale", s.income],
    ["AreaSupporto", s.support],
    ["FonteDerivazioneValutazione", s.assessmentSource],
    ["StrumentoValutazione", s.assessmentTool],
    ["FonteDerivazioneInvalidita", s.invaliditySource],
  ])}>\n`;
  if (s.neededBenefits.length) {
    sina += "<NecessitaInterventiSociali>\n";
    for (const c of s.neededBenefits) sina += `<CodicePrestazione>${esc(c)}</CodicePrestazione>\n`;
    sina += "</NecessitaInterventiSociali>\n";
  }
  if (s.invalidity.length) {
    sina += "<InvaliditaCivile>\n";
    for (const c of s.invalidity) sina += `<InvCiv>${c}</InvCiv>\n`;
    sina += "</InvaliditaCivile>\n";
  }
  return `${open}>\n${sina}</SINA>\n</PrestazioniSociali>\n`;
}

/** One Beneficiario with its Anagrafica, Indirizzo (1–5) and PrestazioniSociali, in XSD order. */
export function beneficiaryXml(b: PsBeneficiary, onBenefit?: (line: number, ref: string) => void): string {
  let out = `<Beneficiario${attrs([["CodiceFiscale", b.fiscalCode]])}>\n`;
  out += `<Anagrafica${attrs([
    ["Cognome", b.familyName],
    ["Nome", b.givenName],
    ["AnnoNascita", b.birthYear],
    ["LuogoNascita", b.birthPlace],
    ["Genere", b.sex],
    ["CodiceCittadinanza", b.citizenship],
    ["CodiceSecondaCittadinanza", b.secondCitizenship],
  ])}/>\n`;
  for (const a of b.addresses) {
    out += `<Indirizzo${attrs([
      ["CodiceRegione", a.regionCode],
      ["CodiceComune", a.comuneIstat],
      ["CodiceNazione", a.countryCode],
    ])}/>\n`;
  }
  for (const p of b.benefits) {
    onBenefit?.(lineCount(out), p.ref);
    out += benefitXml(p);
  }
  return `${out}</Beneficiario>\n`;
}

export function sinbaXml(r: SinbaRecord): string {
  let out = `<SINBA${attrs([
    ["IDBeneficiario", r.pseudonym],
    ["MinoreStranieroNoAcc", r.unaccompaniedForeign],
    ["CondizioneMinore", r.orphanhood],
    ["LuogoVita", r.livingPlace],
    ["ScuolaFrequentata", r.school],
    ["CondizioneLavoro", r.work],
    ["Disabilita", r.disability],
    ["TipoDisabilita", r.disabilityType],
    ["InvCivCertificazioni", r.invalidityCertificate],
    ["CodiceCittadinanzaPadre", r.fatherCitizenship],
    ["CodiceCittadinanzaMadre", r.motherCitizenship],
    ["CodiceRegioneResidenzaPadre", r.fatherRegion],
    ["CodiceRegioneResidenzaMadre", r.motherRegion],
    ["TitoloStudioPadre", r.fatherEducation],
    ["TitoloStudioMadre", r.motherEducation],
    ["OccupazionePadre", r.fatherOccupation],
    ["OccupazioneMadre", r.motherOccupation],
    ["DataPrimaSegnalazione", monthYear(r.firstReport)],
    ["FonteSegnalazione", r.reportSource],
    ["ValutazioneMinore", r.childAssessment],
    ["ValutazioneFamigliaMinore", r.familyAssessment],
    ["SegnalazioneAutoritaGiudiziaria", r.reportedToCourt],
    ["DataSegnalazione", monthYear(r.courtReportDate)],
    ["ProvvedimentoGiudiziario", r.courtOrder],
    ["DataProvvedimentoGiudiziario", monthYear(r.courtOrderDate)],
    ["AutoritaProvvedimento", r.courtAuthority],
    ["PotestaTutela", r.parentalAuthority],
    ["TipoProvvedimentoGiudiziario", r.courtOrderType],
    ["FormaInterventoAffido", r.fosterForm],
    ["TipoInterventoAffido", r.fosterType],
    ["DurataAffido", r.fosterDuration],
    ["CarattereAffido", r.fosterCharacter],
    ["EsitoAffido", r.fosterOutcome],
    ["CarattereInserimentoResidenziale", r.residentialCharacter],
    ["FormaInserimentoResidenziale", r.residentialForm],
    ["TipoInserimentoResidenziale", r.residentialType],
    ["EsitoInserimentoStruttura", r.residentialOutcome],
    ["MotivazioneChiusuraCarico", r.closureReason],
    ["SituazioneChiusuraCarico", r.closureSituation],
    ["CollaborazioniInterventi", r.collaborations],
    ["NumeroComponentiISEE", r.iseeMembers],
    ["FasciaEtaBeneficiario", r.ageBand],
    ["FasciaISEEBeneficiario", r.iseeBand],
    ["AnnoNascita", r.birthYear],
    ["CodiceRegioneResidenza", r.residenceRegion],
    ["CodiceNazioneResidenza", r.residenceCountry],
  ])}>\n<Prestazioni>\n`;
  for (const c of r.benefitCodes) out += `<CodicePrestazione>${esc(c)}</CodicePrestazione>\n`;
  out += "</Prestazioni>\n<Famiglia>\n";
  for (const c of r.household) out += `<ComposizioneFamiglia>${c}</ComposizioneFamiglia>\n`;
  return `${out}</Famiglia>\n</SINBA>\n`;
}

const lineCount = (s: string) => {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * Builds one flow document piece by piece, remembering on which line each record (and each
 * prestazione) starts, so validation errors can name the record instead of a line number.
 */
export class FlowBuilder {
  private parts: string[] = [];
  private line = 1;
  /** [first line, ref], ascending. */
  private starts: [number, string][] = [];
  records = 0;

  constructor(
    readonly kind: FlowKind,
    readonly head: FlowHeader,
  ) {
    this.push(header(head));
  }

  private push(s: string) {
    this.parts.push(s);
    this.line += lineCount(s);
  }

  addBeneficiary(b: PsBeneficiary): void {
    if (this.kind !== "PS_PSA_SINA") throw new Error("a SINBA flow holds SINBA records only");
    const base = this.line;
    this.starts.push([base, b.ref]);
    const xml = beneficiaryXml(b, (offset, ref) => this.starts.push([base + offset, `${b.ref}/${ref}`]));
    this.push(xml);
    this.records++;
  }

  addSinba(r: SinbaRecord): void {
    if (this.kind !== "SINBA") throw new Error("a PS-PSA-SINA flow holds Beneficiario records only");
    this.starts.push([this.line, r.ref]);
    this.push(sinbaXml(r));
    this.records++;
  }

  /** The record (and prestazione, as "person/benefit") a line belongs to. */
  refAt(line: number): string | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found: string | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, ref] = this.starts[mid] as [number, string];
      if (start <= line) {
        found = ref;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  toString(): string {
    return `${this.parts.join("")}</Flusso>\n`;
  }
}

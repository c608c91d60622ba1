/**
 * The intermediate SIUSS records: what the Cartella holds, already translated into INPS codes,
 * before any XML is written. Field names are English; each maps to one XSD attribute (in comments).
 * `ref` fields identify a record in error messages (our ids, never a name or codice fiscale).
 */

/** The sending body (IdentificazioneFlusso/Ente). */
export interface FlowHeader {
  /** IdentificazioneFlusso@Nome, ≤ 50: "EEEE.PS.AAAAMMGG.NNNNNNN". */
  name: string;
  /** Ente@Codice (1–32): the code of the ente in the INPS access system (we use the codice catastale). */
  enteCode: string;
  /** Ente@Denominazione (1–100). */
  enteName?: string;
  /** Ente@Indirizzo: codice catastale (Belfiore) of the ente's seat, 4 characters. */
  enteCadastral: string;
  /** Ente@CFOperatore: codice fiscale of the operator sending the flow. */
  operatorFiscalCode: string;
}

export interface SinaBlock {
  mobility: 1 | 2 | 3; // Mobilita
  dailyLiving: 1 | 2 | 3; // AttivitaVitaQuotidiana
  cognitive?: 1 | 2 | 3; // DisturbiAreaCognitiva
  behavioural: 1 | 2; // DisturbiComportamentali
  healthCare?: 1 | 2 | 3; // NecessitaCureSanitarie
  income: 1 | 2 | 3; // AreaReddituale
  support: 1 | 2 | 3; // AreaSupporto
  assessmentSource: 1 | 2 | 3 | 4; // FonteDerivazioneValutazione
  assessmentTool: 1 | 2 | 3 | 4 | 5 | 6 | 7; // StrumentoValutazione
  invaliditySource?: 1 | 2; // FonteDerivazioneInvalidita
  neededBenefits: string[]; // NecessitaInterventiSociali/CodicePrestazione
  invalidity: (1 | 2 | 3 | 4 | 5 | 6 | 7 | 8)[]; // InvaliditaCivile/InvCiv
}

/** One PrestazioniSociali element. Amounts are decimal strings ("123.45"). */
export interface PsBenefit {
  ref: string;
  operation?: "I" | "C"; // TipoOperazione
  meansTest: 1 | 2 | 3 | 4; // PresenzaProvaMezzi
  character?: 1 | 2; // CaratterePrestazione: 1 periodico, 2 occasionale
  dsu?: { number: string; year: string; date: string }; // NumeroProtocolloDSU, AnnoProtocolloDSU, DataDSU
  code: string; // CodicePrestazione (5–10)
  name: string; // DenominazionePrestazione (10–200)
  applicationRef: string; // ProtocolloDomanda (1–32)
  eventDate?: string; // DataEvento (YYYY-MM-DD)
  startDate?: string; // DataInizioPrestazione
  endDate?: string; // DataFinePrestazione
  deliveryDate?: string; // DataErogazionePrestazione
  amount?: string; // ImportoPrestazione
  months?: number; // PeriodoErogazione (1–12)
  monthlyAmount?: string; // ImportoMensile
  shareEnte?: string; // ImportoQuotaEnte
  shareUser?: string; // ImportoQuotaUtente
  shareSsn?: string; // ImportoQuotaSSN
  shareRequested?: string; // ImportoQuotaRichiesta
  iseeThreshold?: string; // ImportoSogliaISEE
  monthlyHours?: string; // OreServizioMensile
  takenInCharge: boolean; // PresaCarico (1 SI / 2 NO)
  userArea?: 1 | 2 | 3; // AreaUtenza
  sina?: SinaBlock;
}

export interface PsAddress {
  regionCode?: string; // CodiceRegione (2 digits)
  comuneIstat?: string; // CodiceComune (6 digits)
  countryCode: string; // CodiceNazione (3 digits; Italy 380)
}

/** One Beneficiario of a PS-PSA-SINA flow: identified, as the schema requires. */
export interface PsBeneficiary {
  ref: string;
  fiscalCode: string; // @CodiceFiscale
  familyName: string; // Anagrafica@Cognome (1–36)
  givenName: string; // Anagrafica@Nome (1–36)
  birthYear: string; // Anagrafica@AnnoNascita
  birthPlace: string; // Anagrafica@LuogoNascita: codice catastale (or Z-code of a foreign state)
  sex: 1 | 2; // Anagrafica@Genere
  citizenship: string; // Anagrafica@CodiceCittadinanza (3 digits)
  secondCitizenship?: string; // Anagrafica@CodiceSecondaCittadinanza
  addresses: PsAddress[]; // Indirizzo (1–5)
  benefits: PsBenefit[]; // PrestazioniSociali (1..n)
}

/** One SINBA record: a minor, pseudonymous by design (no name, no codice fiscale). */
export interface SinbaRecord {
  ref: string;
  pseudonym: string; // @IDBeneficiario (1–20)
  benefitCodes: string[]; // Prestazioni/CodicePrestazione (1..n)
  household: (1 | 2 | 3 | 4 | 5 | 6)[]; // Famiglia/ComposizioneFamiglia (1..n)
  unaccompaniedForeign: 1 | 2; // MinoreStranieroNoAcc
  orphanhood: 1 | 2 | 3 | 4 | 5; // CondizioneMinore
  livingPlace: number; // LuogoVita 1–8
  school: number; // ScuolaFrequentata 1–8
  work: 1 | 2 | 3 | 4; // CondizioneLavoro
  disability: 1 | 2; // Disabilita
  disabilityType?: 1 | 2 | 3 | 4; // TipoDisabilita
  invalidityCertificate?: number; // InvCivCertificazioni 1–5
  fatherCitizenship?: string; // CodiceCittadinanzaPadre
  motherCitizenship?: string; // CodiceCittadinanzaMadre
  fatherRegion?: string; // CodiceRegioneResidenzaPadre
  motherRegion?: string; // CodiceRegioneResidenzaMadre
  fatherEducation?: number; // TitoloStudioPadre 1–6
  motherEducation?: number; // TitoloStudioMadre 1–6
  fatherOccupation?: number; // OccupazionePadre 1–8
  motherOccupation?: number; // OccupazioneMadre 1–8
  firstReport: string; // DataPrimaSegnalazione (YYYY-MM-DD; written MM/YYYY)
  reportSource: number; // FonteSegnalazione 1–14
  childAssessment: number; // ValutazioneMinore 1–13
  familyAssessment: number; // ValutazioneFamigliaMinore 1–13
  reportedToCourt: 1 | 2; // SegnalazioneAutoritaGiudiziaria
  courtReportDate?: string; // DataSegnalazione
  courtOrder: 1 | 2; // ProvvedimentoGiudiziario
  courtOrderDate?: string; // DataProvvedimentoGiudiziario
  courtAuthority?: 1 | 2 | 3 | 4; // AutoritaProvvedimento
  parentalAuthority?: number; // PotestaTutela 1–5
  courtOrderType?: number; // TipoProvvedimentoGiudiziario 1–8
  fosterForm?: 1 | 2; // FormaInterventoAffido
  fosterType?: 1 | 2; // TipoInterventoAffido
  fosterDuration?: 1 | 2; // DurataAffido
  fosterCharacter?: 1 | 2; // CarattereAffido
  fosterOutcome?: number; // EsitoAffido 1–9
  residentialCharacter?: number; // CarattereInserimentoResidenziale 1–10
  residentialForm?: 1 | 2; // FormaInserimentoResidenziale
  residentialType?: 1 | 2; // TipoInserimentoResidenziale
  residentialOutcome?: number; // EsitoInserimentoStruttura 1–9
  closureReason?: number; // MotivazioneChiusuraCarico 1–9
  closureSituation?: number; // SituazioneChiusuraCarico 1–8
  collaborations?: number; // CollaborazioniInterventi 1–9
  iseeMembers?: number; // NumeroComponentiISEE (≤ 9)
  ageBand: 1 | 2 | 3 | 4 | 5 | 6; // FasciaEtaBeneficiario
  iseeBand?: number; // FasciaISEEBeneficiario 1–8
  birthYear: string; // AnnoNascita
  residenceRegion?: string; // CodiceRegioneResidenza
  residenceCountry: string; // CodiceNazioneResidenza
}

export type FlowKind = "PS_PSA_SINA" | "SINBA";

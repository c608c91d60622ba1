import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import {
  type Ctx,
  columnsOf,
  FURNITURE,
  LINE_FORMS,
  LINE_START,
  matchLine,
  SECTION_HEADING,
  TITLE,
  TOTAL_RULES,
} from "./report-layout.ts";
import {
  LINE_SECTIONS,
  type LineSection,
  type ReportSink,
  SECTION_TITLES,
  SECTIONS,
  type Section,
} from "./report-types.ts";

/** A record (budget line, total, recap row) whose physical lines are still being joined. */
interface Pending {
  kind: "line" | "total";
  text: string;
  first: number;
  last: number;
  parts: number;
}
/** Longest record in the seed spans 5 text lines; beyond this the amounts are not coming. */
const MAX_PARTS = 10;
const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}...` : s);

/**
 * Streaming state machine over the text of a "Report Commissioni" (PDF extracted to text): one
 * physical line at a time, O(1) memory beyond the current record. Emits lines, printed totals and
 * problems to the sink; validation is the sink's business (report-checks.ts).
 */
export class ReportParser {
  private section: Section | null = null;
  private seen = new Set<Section>();
  private started = false;
  private refused = false;
  /** After the capital recap's grand total the report is over; what follows (DUP narrative) is not ours. */
  private done = false;
  private pending: Pending | null = null;
  private direzione = "";
  private settoreName = "";
  /** Name of the current tipologia/macroaggregato heading, which its printed total repeats. */
  private groupName = "";
  private ctx: Ctx = { settore: "", titolo: "", tipologia: "", missione: "", recapGroup: "" };
  private expectMissione = false;
  /** Sections whose closing Direzione (or recap) total has been read. */
  private closed = new Set<Section>();
  private lastLineNo = 0;

  constructor(private sink: ReportSink) {}

  push(raw: string, lineNo: number): void {
    this.lastLineNo = lineNo;
    if (this.refused || this.done) return;
    const text = raw.trim();
    if (!this.started) this.expectTitle(text, lineNo);
    else if (text !== "" && !TITLE.test(text)) this.step(text, lineNo);
  }

  private step(text: string, lineNo: number): void {
    const heading = SECTION_HEADING.exec(text);
    if (this.pending) {
      // A new record or section while one is open: its amounts never came (unparseable or cut).
      if (heading || LINE_START.test(text) || (this.pending.kind === "line" && text.includes("Totale")))
        this.fail(this.pending);
      else {
        if (!FURNITURE.test(text)) this.extend(text, lineNo);
        return;
      }
    }
    const section = this.section;
    if (heading) this.enterSection(heading[1] as string, text, lineNo);
    else if (FURNITURE.test(text)) return;
    else if (!section) this.unexpected(lineNo, "the heading of section 1.A", text);
    else if (this.hierarchy(section, text)) return;
    else if (text.includes("Totale") || this.isRecapRow(section, text)) this.open("total", text, lineNo);
    else if ((LINE_SECTIONS as readonly string[]).includes(section) && LINE_START.test(text))
      this.open("line", text, lineNo);
    else this.unexpected(lineNo, `a budget line, a total or a heading of section ${section}`, text);
  }

  /** End of input: a record still open, or sections and their totals missing, mean a truncated file. */
  end(): void {
    if (this.refused) return;
    if (!this.started) {
      this.unexpected(null, "'Bilancio di Previsione YYYY - REPORT COMMISSIONI'", "an empty file");
      return;
    }
    if (this.pending) this.fail(this.pending);
    for (const s of SECTIONS) {
      if (!this.seen.has(s))
        this.unexpected(this.lastLineNo, `section ${s} ${SECTION_TITLES[s]}`, "the end of the file (truncated?)");
      else if (!this.closed.has(s))
        this.unexpected(this.lastLineNo, `the closing total of section ${s}`, "the end of the file (truncated?)");
    }
  }

  private expectTitle(text: string, lineNo: number): void {
    if (text === "") return;
    const m = TITLE.exec(text);
    if (!m || !/REPORT COMMISSIONI/.test(text)) {
      this.refused = true;
      this.sink.problem({
        line: lineNo,
        expected: "the title 'Bilancio di Previsione YYYY - REPORT COMMISSIONI' (not a Bilancio report)",
        found: clip(text),
      });
      return;
    }
    this.started = true;
    const kind = (m[1] as string).toLowerCase() as "previsione" | "assestamento" | "rendiconto";
    this.sink.meta({ kind, year: Number(m[2]), title: text.replace(/\s*-\s*$/, "") });
  }

  private enterSection(code: string, text: string, lineNo: number): void {
    const section = code as Section;
    const expected = SECTIONS[this.section ? SECTIONS.indexOf(this.section) + 1 : 0];
    if (section !== expected)
      this.unexpected(lineNo, `section ${expected} ${SECTION_TITLES[expected as Section]}`, text);
    if (this.section && !this.closed.has(this.section))
      this.unexpected(lineNo, `the closing total of section ${this.section}`, text);
    this.section = section;
    this.seen.add(section);
    this.ctx = { settore: "", titolo: "", tipologia: "", missione: "", recapGroup: "" };
    this.expectMissione = false;
  }

  /** Direzione / settore / titolo / tipologia / macroaggregato / missione headings; glued labels stripped. */
  private hierarchy(section: Section, text: string): boolean {
    const direzione = /^(DIR\d+)\s+(.+?)(DIREZIONE:)?$/.exec(text);
    if (direzione) {
      this.direzione = direzione[1] as string;
      return true;
    }
    const centro = /^(\d+) (.+?)CENTRO RESP:$/.exec(text);
    if (centro) return this.setSettore(centro[1] as string, centro[2] as string);
    // "2 TRASFERIMENTI CORRENTITITOLO", "1 SPESE CORRENTITITOLO:", "ENTRATE IN CONTO CAPITALETITOLO: 4"
    const titolo = /^(\d) .+?TITOLO:?$/.exec(text) ?? /^.+?TITOLO:? (\d)$/.exec(text);
    if (titolo) {
      this.ctx.titolo = titolo[1] as string;
      this.ctx.tipologia = "";
      return true;
    }
    const group = /^(\d{2}) (.+?)(TIPOLOGIA|MACROAGGR):$/.exec(text);
    if (group) {
      this.ctx.tipologia = group[1] as string;
      this.groupName = (group[2] as string).trim();
      return true;
    }
    if (section === "1.C" && (text === "ENTRATE CORRENTI" || text === "SPESE CORRENTI")) {
      this.ctx.recapGroup = text[0] as string;
      return true;
    }
    if (section === "1.D" && text === "SPESE CORRENTI") return true;
    if ((section === "1.C" || section === "1.D" || section === "2.C") && text.startsWith("DIREZIONE ")) {
      this.expectMissione = true;
      return true;
    }
    const coded = /^(\d+) ([A-Z].*)$/.exec(text);
    if (!coded) return false;
    // 1.D programma rows also start with 2 digits: a missione heading comes only where one is expected.
    if (section === "2.C" || (section === "1.D" && this.expectMissione)) {
      this.ctx.missione = (coded[1] as string).padStart(2, "0");
      this.expectMissione = false;
      return true;
    }
    if ((section === "1.A" || section === "1.B") && !LINE_START.test(text))
      return this.setSettore(coded[1] as string, coded[2] as string);
    return false;
  }

  private setSettore(code: string, name: string): boolean {
    this.ctx = { ...this.ctx, settore: code, titolo: "", tipologia: "" };
    this.settoreName = name.trim();
    return true;
  }

  private isRecapRow(section: Section, text: string): boolean {
    if (section === "1.C") return /^V?\d/.test(text);
    if (section === "1.D") return /^\d{2} /.test(text);
    if (section === "2.C") return /^\d[\d.]*,\d{2} /.test(text);
    return false;
  }

  private open(kind: Pending["kind"], text: string, lineNo: number): void {
    this.pending = { kind, text, first: lineNo, last: lineNo, parts: 1 };
    this.tryComplete();
  }

  private extend(text: string, lineNo: number): void {
    const p = this.pending as Pending;
    p.text = `${p.text} ${text}`;
    p.last = lineNo;
    p.parts++;
    this.tryComplete();
    if (this.pending && p.parts >= MAX_PARTS) this.fail(p);
  }

  private tryComplete(): void {
    const p = this.pending as Pending;
    const section = this.section as Section;
    // Every record ends in an amount (",dd"): skip the full grammar until one has arrived.
    if (p.text.charCodeAt(p.text.length - 3) !== 44) return;
    if (p.kind === "line") {
      const m = matchLine(section, p.text);
      if (!m) return;
      this.pending = null;
      const current = section === "1.A" || section === "1.B";
      const digits = m.subPdc;
      const pdc = current ? digits.slice(-10) : null;
      this.sink.line({
        section: section as LineSection,
        direzione: this.direzione,
        settore: this.ctx.settore,
        settoreName: this.settoreName,
        titolo: this.ctx.titolo,
        tipologia: section === "1.A" || section === "2.A" ? this.ctx.tipologia || null : null,
        macroaggregato: section === "1.B" ? this.ctx.tipologia || null : null,
        capitolo: Number(m.capitolo),
        articolo: Number(m.articolo),
        sub: Number(current ? digits.slice(0, -10) || "0" : digits),
        pdc: pdc
          ? `${section === "1.A" ? "E" : "U"}.${pdc[0]}.${pdc.slice(1, 3)}.${pdc.slice(3, 5)}.${pdc.slice(5, 7)}.${pdc.slice(7)}`
          : null,
        description: m.description,
        vincolo: m.vincolo,
        missione: m.missione,
        programma: m.programma,
        amounts: m.amounts,
        firstLine: p.first,
        lastLine: p.last,
      });
      return;
    }
    for (const rule of TOTAL_RULES[section]) {
      const m = rule.re.exec(p.text);
      if (!m) continue;
      this.pending = null;
      const t = rule.build(m, this.ctx);
      const scope: Record<string, string> = { direzione: this.direzione };
      if (t.level !== "direzione" && t.level !== "grand") {
        if (this.ctx.settore) scope.settore = this.ctx.settore;
        if (t.level !== "settore" && this.ctx.titolo && !section.endsWith("C") && section !== "1.D")
          scope.titolo = this.ctx.titolo;
      }
      scope[t.level] = t.code;
      // The heading the total closes, so the checker can tell a total printed under the wrong heading.
      if (t.level === "settore") scope.heading = this.ctx.settore;
      if (t.level === "tipologia" || t.level === "macroaggregato") scope.headingName = this.groupName;
      if (t.level === "direzione" && /^DIR\d/.test(t.code)) scope.heading = this.direzione;
      if (t.level === "direzione" || (section === "1.C" && t.level === "vincolate" && t.code === "S"))
        this.closed.add(section);
      if (t.level === "missione") this.expectMissione = true;
      if (t.level === "grand") this.done = true;
      if (t.level === "missione" && section === "1.D") this.ctx.missione = "";
      const { level, label, amounts, extra } = t;
      this.sink.total({
        section,
        level,
        scope,
        label,
        amounts,
        columns: columnsOf(section),
        extra,
        firstLine: p.first,
        lastLine: p.last,
      });
      return;
    }
  }

  private fail(p: Pending): void {
    this.pending = null;
    const section = this.section as Section;
    const form = p.kind === "line" ? LINE_FORMS[section] : `a total of section ${section} ending in its amounts`;
    this.unexpected(p.first, `${form} (lines ${p.first}-${p.last})`, p.text);
  }

  private unexpected(line: number | null, expected: string, found: string): void {
    this.sink.problem({ line, expected, found: clip(found) });
  }
}

/** Streams a file through the parser line by line (never loads it whole). */
export async function parseReportFile(path: string, sink: ReportSink): Promise<void> {
  const parser = new ReportParser(sink);
  const rl = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of rl) parser.push(line, ++n);
  parser.end();
}

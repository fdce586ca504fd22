import PDFDocument from 'pdfkit';
import { MAX_OCCUPANCY_DAYS, type ChartsReport } from '../../shared/charts.js';
import { daysBetween, localDateTime, localDayRange, localHour, type LocalDate } from '../../shared/garage-day.js';
import { formatCents, formatDuration } from '../../shared/format.js';
import type { DailyReport, PeriodFigures } from '../../shared/reports.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';

/**
 * The longest period a PDF covers: one page a day, each with its hour-by-hour chart, which the
 * charts give up to MAX_OCCUPANCY_DAYS — so one request never builds a 366-page document.
 */
export const MAX_PDF_DAYS = MAX_OCCUPANCY_DAYS;

/**
 * Why a period cannot be a PDF (a sentence for a 400), or null when it can.
 * @example pdfPeriodProblem('2026-01-01', '2026-03-01') // 'A PDF covers at most 31 days …'
 */
export function pdfPeriodProblem(from: LocalDate, to: LocalDate): string | null {
  const days = daysBetween(from, to) + 1;
  if (days <= MAX_PDF_DAYS) return null;
  return `A PDF covers at most ${MAX_PDF_DAYS} days (one page a day); ${from} to ${to} is ${days} days. Ask for a shorter range, or for the CSV (format=csv), which covers up to a year.`;
}

/** What a report PDF is made of: the report, its chart series (same period), the garage's name, and when it was made. */
export type ReportPdfInput = { report: DailyReport; charts: ChartsReport; garageName: string; generatedAt: Date };

const PAGE = { width: 612, height: 792, margin: 54 }; // US Letter, 3/4 inch margins
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LINE = 16;
const INK = '#1f2933';
const MUTED = '#616e7c';
const BAR = '#2f6fb0';

// The standard PDF fonts (Helvetica, shipped as metrics inside pdfkit) speak Windows-1252 only.
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard fonts can show: a letter outside Windows-1252 loses its accent (ź → z) or, with
 * no plain form, becomes '?' (Łódź → ?ódz), so a name never prints as garbage.
 */
export function toWinAnsi(text: string): string {
  const fits = (ch: string) => {
    const code = ch.codePointAt(0)!;
    return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(ch);
  };
  return Array.from(text, (ch) => {
    if (fits(ch)) return ch;
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    return base.length > 0 && Array.from(base).every(fits) ? base : '?';
  }).join('');
}

type Row = readonly [label: string, value: string];

/** A period's figures as the label/value rows a page prints, money as formatCents shows it. */
function figureRows(f: PeriodFigures, timeZone: string, wholeRange: boolean): Row[] {
  const peak = wholeRange ? (f.peakAt ? localDateTime(new Date(f.peakAt), timeZone) : '—') : (f.peakHour ?? '—');
  return [
    ['Vehicles in', String(f.vehiclesIn)],
    ['Vehicles out', String(f.vehiclesOut)],
    ['Average stay', f.averageStayMinutes === null ? '—' : formatDuration(f.averageStayMinutes)],
    ['Peak occupancy', String(f.peakOccupancy)],
    [wholeRange ? 'Peak reached' : 'Peak hour', peak],
    ['Still parked', String(f.stillParked)],
    ['Open over 24 h', String(f.openOver24h)],
    ['Refunds given', String(f.refundCount)],
    ['Voids', String(f.voids)],
    ['Corrections', String(f.corrections)],
    ['Lost tickets', String(f.lostTickets)],
  ];
}

/** Draws `text` with its right edge at `right` on the line at `y`. */
function rightText(doc: PDFKit.PDFDocument, text: string, right: number, y: number) {
  doc.text(text, right - doc.widthOfString(text), y, { lineBreak: false });
}

/** The page's head: the garage's name (shrunk to fit), what the page covers, and when it was made. */
function drawHeader(doc: PDFKit.PDFDocument, garageName: string, title: string, note: string): number {
  const name = toWinAnsi(garageName);
  let size = 20;
  doc.font('Helvetica-Bold');
  while (size > 10 && doc.fontSize(size).widthOfString(name) > CONTENT_WIDTH) size -= 1;
  doc.fillColor(INK).text(name, PAGE.margin, PAGE.margin, { lineBreak: false, width: CONTENT_WIDTH, ellipsis: true });
  doc.font('Helvetica').fontSize(13).text(title, PAGE.margin, PAGE.margin + 28, { lineBreak: false });
  doc.fontSize(9).fillColor(MUTED).text(note, PAGE.margin, PAGE.margin + 48, { lineBreak: false });
  return PAGE.margin + 76;
}

/** Money first (gross, refunds, net, then by payment method), then the counts; returns the y below. */
function drawFigures(doc: PDFKit.PDFDocument, f: PeriodFigures, timeZone: string, wholeRange: boolean, top: number): number {
  const left = PAGE.margin;
  const valueRight = left + 290; // the right edge of the payment methods' last column
  let y = top;
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(11);
  for (const [label, cents] of [['Gross', f.grossRevenue], ['Refunds', f.refunds], ['Net', f.netRevenue]] as const) {
    doc.text(label, left, y, { lineBreak: false });
    rightText(doc, formatCents(cents), valueRight, y);
    y += LINE;
  }
  y += 6;
  const methodCols = [left + 130, left + 210, left + 290];
  doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED);
  doc.text('Payment method', left, y, { lineBreak: false });
  rightText(doc, 'Gross', methodCols[0]!, y);
  rightText(doc, 'Refunds', methodCols[1]!, y);
  rightText(doc, 'Net', methodCols[2]!, y);
  y += LINE;
  doc.font('Helvetica').fillColor(INK);
  for (const m of PAYMENT_METHODS) {
    const gross = f.revenueByPaymentMethod[m];
    const refunds = f.refundsByPaymentMethod[m];
    doc.text(m, left, y, { lineBreak: false });
    rightText(doc, formatCents(gross), methodCols[0]!, y);
    rightText(doc, formatCents(refunds), methodCols[1]!, y);
    rightText(doc, formatCents(gross - refunds), methodCols[2]!, y);
    y += LINE;
  }
  y += 6;
  doc.fontSize(11);
  for (const [label, value] of figureRows(f, timeZone, wholeRange)) {
    doc.text(label, left, y, { lineBreak: false });
    rightText(doc, value, valueRight, y);
    y += LINE;
  }
  return y + 10;
}

type Bar = { value: number; tick: string | null };

/** A bar chart with its title, the scale's top value on the left, and a tick label under some bars. */
function drawBars(doc: PDFKit.PDFDocument, title: string, bars: readonly Bar[], top: number, formatMax: (n: number) => string) {
  const left = PAGE.margin + 48;
  const width = CONTENT_WIDTH - 48;
  const height = 150;
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(title, PAGE.margin, top, { lineBreak: false });
  const base = top + 24 + height;
  const max = Math.max(1, ...bars.map((b) => b.value));
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  rightText(doc, formatMax(max), left - 6, top + 24 - 3);
  rightText(doc, formatMax(0), left - 6, base - 6);
  doc.lineWidth(0.5).strokeColor('#cbd2d9');
  doc.moveTo(left, top + 24).lineTo(left + width, top + 24).stroke();
  doc.moveTo(left, base).lineTo(left + width, base).stroke();
  if (bars.length === 0) {
    doc.text('No figures for this period.', left + 8, base - 24, { lineBreak: false });
    return;
  }
  const slot = width / bars.length;
  bars.forEach((b, i) => {
    const h = (Math.max(0, b.value) / max) * height;
    if (h > 0) doc.rect(left + i * slot + slot * 0.15, base - h, slot * 0.7, h).fill(BAR);
    if (b.tick !== null) {
      doc.fillColor(MUTED);
      doc.text(b.tick, left + (i + 0.5) * slot - doc.widthOfString(b.tick) / 2, base + 4, { lineBreak: false });
    }
  });
}

/** The cars inside at the start of each local hour of `day`, from the charts' series. */
function hoursOf(charts: ChartsReport, day: LocalDate): Bar[] {
  const { start, end } = localDayRange(day, day, charts.timezone);
  return charts.occupancy
    .filter((o) => Date.parse(o.at) >= start.getTime() && Date.parse(o.at) < end.getTime())
    .map((o) => {
      const hour = localHour(new Date(o.at), charts.timezone).slice(0, 2);
      return { value: o.occupied, tick: Number(hour) % 3 === 0 ? hour : null };
    });
}

/** What a page's note says: when it was made, and that a day not yet over is counted so far. */
function noteOf(to: LocalDate, timeZone: string, generatedAt: Date): string {
  const made = `Made ${localDateTime(generatedAt, timeZone)} (${timeZone}) by ParkOps. Money in US dollars.`;
  return localDayRange(to, to, timeZone).end.getTime() > generatedAt.getTime() ? `${made} Not over yet: figures so far.` : made;
}

/**
 * A report as a PDF for printing: for a range, a summary page (the whole period's figures and gross
 * revenue by day), then one page a day — the garage's name, the date in its timezone, the day's
 * figures, and a bar chart of the cars inside hour by hour. Vector drawing, standard fonts (nothing
 * to load). Invariant: `charts` covers the report's period (the route reads both for the same dates).
 * @example const pdf = await reportPdf({ report, charts, garageName: 'Main St', generatedAt: now });
 */
export async function reportPdf({ report, charts, garageName, generatedAt }: ReportPdfInput): Promise<Buffer> {
  const tz = report.timezone;
  const period = report.from === report.to ? report.from : `${report.from} to ${report.to}`;
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: PAGE.margin,
    autoFirstPage: false,
    info: { Title: toWinAnsi(`${garageName} — report ${period}`), Author: 'ParkOps', CreationDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (report.days.length > 1) {
    doc.addPage();
    const top = drawHeader(doc, garageName, `Summary: ${period} (${report.days.length} days)`, noteOf(report.to, tz, generatedAt));
    const below = drawFigures(doc, report, tz, true, top);
    const byDay = charts.revenueByDay.map((d, i) => ({ value: d.grossCents, tick: i % Math.ceil(charts.revenueByDay.length / 8) === 0 ? d.date.slice(5) : null }));
    drawBars(doc, 'Gross revenue by day', byDay, below, formatCents);
  }
  for (const day of report.days) {
    doc.addPage();
    const top = drawHeader(doc, garageName, `Daily report: ${day.from}`, noteOf(day.from, tz, generatedAt));
    const below = drawFigures(doc, day, tz, false, top);
    drawBars(doc, 'Cars inside, hour by hour', hoursOf(charts, day.from), below, String);
  }
  doc.end();
  return done;
}

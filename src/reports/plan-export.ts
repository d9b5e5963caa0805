/**
 * An action plan as a table (the columns of a plan annex: area and its score, improvement opportunity,
 * comment, action, responsible, start, done, status) and as CSV or XLSX files.
 */
import JSZip from 'jszip';
import { ITEM_STATUS_LABELS, PRIORITY_LABELS, type ActionPlanItemData } from '../domain/action-plan.ts';
import { escapeHtml } from '../domain/text.ts';

export const PLAN_COLUMNS = [
  'Område',
  'Områdets poäng',
  'Delområde',
  'Förbättringsmöjlighet',
  'Kommentar',
  'Åtgärd/aktivitet',
  'Ansvarig',
  'Enhet/nämnd',
  'Start',
  'Planerat klart',
  'Klart',
  'Status',
  'Skäl (avbruten)',
  'Prioritet',
] as const;

export interface PlanTableInput {
  items: ReadonlyArray<ActionPlanItemData & { areaTitle: string | null; subareaTitle: string | null }>;
  areaScores: Record<string, number | null>;
}

/** One row per action; an item without actions is one row. Pure. */
export function planRows(plan: PlanTableInput): Array<Array<string | number>> {
  return plan.items.flatMap((i) => {
    const area = i.areaNumber === null ? '' : `${i.areaNumber} ${i.areaTitle ?? ''}`.trim();
    const score = i.areaNumber === null ? '' : (plan.areaScores[String(i.areaNumber)] ?? '');
    const head = [area, score, i.subareaId ? `${i.subareaId} ${i.subareaTitle ?? ''}`.trim() : '', i.improvement, i.comment];
    const tail = [ITEM_STATUS_LABELS[i.status], i.status === 'dropped' ? i.droppedReason : '', i.priority ? PRIORITY_LABELS[i.priority] : ''];
    if (i.actions.length === 0) return [[...head, '', '', '', '', '', '', ...tail]];
    return i.actions.map((a) => [...head, a.text, a.responsible, a.unit, a.start ?? '', a.plannedDone ?? '', a.done ?? '', ...tail]);
  });
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
const safe = (v: string | number): string => {
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/** Semicolon-separated CSV with a BOM, as Swedish Excel opens it. */
export function planCsv(plan: PlanTableInput): Buffer {
  const line = (cells: ReadonlyArray<string | number>): string => cells.map((c) => `"${safe(c).replace(/"/g, '""')}"`).join(';');
  return Buffer.from(`\ufeff${[line(PLAN_COLUMNS), ...planRows(plan).map(line)].join('\r\n')}\r\n`, 'utf8');
}

/** Characters XML 1.0 does not allow (control characters other than tab, newline, carriage return). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const xml = (s: string): string => escapeHtml(s).replace(CONTROL, '');
const colName = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : colName(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));

/** An XLSX workbook with one sheet "Handlingsplan" (bold, frozen header row; numbers as numbers). */
export async function planXlsx(plan: PlanTableInput, title: string): Promise<Buffer> {
  const rows = [[...PLAN_COLUMNS], ...planRows(plan)];
  const sheetRows = rows
    .map((r, y) => {
      const cells = r
        .map((v, x) => {
          const ref = `${colName(x)}${y + 1}`;
          const style = y === 0 ? ' s="1"' : '';
          if (typeof v === 'number') return `<c r="${ref}"${style}><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xml(safe(v))}</t></is></c>`;
        })
        .join('');
      return `<row r="${y + 1}">${cells}</row>`;
    })
    .join('');
  const widths = [22, 10, 24, 40, 30, 40, 20, 20, 12, 12, 12, 12, 24, 10].map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>');
  zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xml(title)}</dc:title><dc:language>sv-SE</dc:language></cp:coreProperties>`);
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Handlingsplan" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>');
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${widths}</cols><sheetData>${sheetRows}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

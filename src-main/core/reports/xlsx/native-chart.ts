// exceljs writes no charts, so a finished workbook is opened as the zip it is and given one: the
// chart part, a drawing that anchors it, the relationships from sheet to drawing to chart, the
// <drawing> element in the sheet, and the two content types. Nothing else in the file changes.

import JSZip from 'jszip';
import { chartXml, drawingXml, type Anchor, type NativeChart } from './chart-xml.ts';

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

const attr = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** The sheet's part ('xl/worksheets/sheet1.xml') by its name, through workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const escaped = sheetName.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]).find((s) => attr(s, 'name') === escaped);
  const rid = sheet && attr(sheet, 'r:id');
  const rel = rid && [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).find((r) => attr(r, 'Id') === rid);
  const target = rel && attr(rel, 'Target');
  if (!target) throw new Error(`no sheet named ${sheetName} in the workbook`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Adds a relationship to a .rels part (created when missing) and returns its id. */
async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const existing = await zip.file(relsPath)?.async('string');
  const xml = existing ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const used = new Set([...xml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  zip.file(relsPath, xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
  return id;
}

/**
 * CT_Worksheet's element order puts <drawing> after the page setup and before legacyDrawing (the
 * cell notes' shapes), tableParts and extLst; Excel refuses a file with it elsewhere.
 */
function insertDrawing(sheetXml: string, rid: string): string {
  const element = `<drawing r:id="${rid}"/>`;
  const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(sheetXml);
  const at = before ? before.index : sheetXml.lastIndexOf('</worksheet>');
  const withNs = /xmlns:r=/.test(sheetXml) ? sheetXml : sheetXml.replace('<worksheet ', `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" `);
  const shift = withNs.length - sheetXml.length;
  return withNs.slice(0, at + shift) + element + withNs.slice(at + shift);
}

/** The workbook `xlsx` with `chart` drawn on sheet `sheetName` at `anchor`. */
export async function addNativeChart(xlsx: Buffer, sheetName: string, chart: NativeChart, anchor: Anchor): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheet = await sheetPart(zip, sheetName);
  const n = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length + 1;
  const chartPath = `xl/charts/chart${n}.xml`;
  const drawingPath = `xl/drawings/drawing${n}.xml`;
  zip.file(chartPath, chartXml(chart));
  zip.file(drawingPath, drawingXml(anchor, chart.title));
  zip.file(`xl/drawings/_rels/drawing${n}.xml.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${n}.xml"/></Relationships>`);

  const dir = sheet.slice(0, sheet.lastIndexOf('/'));
  const file = sheet.slice(sheet.lastIndexOf('/') + 1);
  const rid = await addRelationship(zip, `${dir}/_rels/${file}.rels`, REL_DRAWING, `../drawings/drawing${n}.xml`);
  zip.file(sheet, insertDrawing(await zip.file(sheet)!.async('string'), rid));

  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace('</Types>', `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/><Override PartName="/${chartPath}" ContentType="${CT_CHART}"/></Types>`),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

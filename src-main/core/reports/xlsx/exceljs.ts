// exceljs, with the child elements it writes out of the schema's order put back in order. Every
// workbook ParkBrief writes goes through this module (both of exceljs's writers share these xforms).
//
// - `sheetPr`: exceljs writes `pageSetUpPr` before `outlinePr`; the schema's order is tabColor,
//   outlinePr, pageSetUpPr. Excel refuses the sheet ("We found a problem with some content …") when a
//   sheet fits to page and has outline settings, as every ParkBrief sheet does (exceljs issue #1348,
//   open since 2020; the fix, pull request #2807, is not released).
// - `font` in styles.xml and `rPr` in rich text: exceljs writes the children in its own order; the
//   Open XML SDK's validator refuses it (Excel itself reads it), so it is written as the schema says.
//
// The two classes are exceljs internals, reached by path: exceljs is pinned to one version in
// package.json, and test/ooxml/office-schema.test.ts checks every workbook with the Open XML SDK's
// validator, so an upgrade that moves them fails there.

import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';

interface XmlStream {
  openNode(name: string): void;
  closeNode(): void;
  addRollback(): void;
  commit(): void;
  rollback(): void;
}
interface Xform {
  render(xml: XmlStream, model: unknown): boolean | void;
}
interface FontXform {
  options: { tagName: string; fontNameTag: string };
  map: Record<string, { prop: string; xform: Xform }>;
}
interface SheetPropertiesXform {
  map: { tabColor: Xform; pageSetUpPr: Xform; outlinePr: Xform };
}
interface SheetProperties {
  tabColor?: unknown;
  pageSetup?: unknown;
  outlineProperties?: unknown;
}

/** CT_Font's sequence; `name` stands for the font name's tag. */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];
/** CT_RPrElt's order (rich-text runs); `name` stands for `rFont`. */
const RUN_ORDER = ['name', 'charset', 'family', 'b', 'i', 'strike', 'outline', 'shadow', 'condense', 'extend', 'color', 'sz', 'u', 'vertAlign', 'scheme'];

const require = createRequire(import.meta.url);
// Resolved from exceljs's own folder, so these are the very modules its writers loaded.
const internal = (path: string) => require(require.resolve(`exceljs/lib/xlsx/xform/${path}`)) as { prototype: unknown };

const fontXform = internal('style/font-xform.js').prototype as FontXform & Xform;
fontXform.render = function render(this: FontXform, xml: XmlStream, model: Record<string, unknown>): void {
  const order = this.options.tagName === 'font' ? FONT_ORDER : RUN_ORDER;
  xml.openNode(this.options.tagName);
  for (const tag of order) {
    const entry = this.map[tag === 'name' ? this.options.fontNameTag : tag];
    if (entry) entry.xform.render(xml, model[entry.prop]);
  }
  xml.closeNode();
};

const sheetProperties = internal('sheet/sheet-properties-xform.js').prototype as SheetPropertiesXform & Xform;
sheetProperties.render = function render(this: SheetPropertiesXform, xml: XmlStream, model: SheetProperties | undefined): void {
  if (!model) return;
  xml.addRollback();
  xml.openNode('sheetPr');
  let inner = false;
  inner = this.map.tabColor.render(xml, model.tabColor) || inner;
  inner = this.map.outlinePr.render(xml, model.outlineProperties) || inner;
  inner = this.map.pageSetUpPr.render(xml, model.pageSetup) || inner;
  if (inner) {
    xml.closeNode();
    xml.commit();
  } else {
    xml.rollback();
  }
};

export default ExcelJS;

// Print rules written into the package where docx has no option for them (docs/PRINT-CHECKLIST.md):
// paragraph defaults, the Normal style's size, the Chinese line-breaking lists, facing pages, and
// the document's language.

/**
 * Every paragraph: widow/orphan control and the Chinese line-breaking rules (kinsoku). And
 * w:overflowPunct on, which Word reads as "punctuation may hang past the margin" (its default
 * anyway) but LibreOffice reads the other way round (it imports overflowPunct="0" as hanging
 * punctuation allowed): LibreOffice lets a comma hang past a column's or the type area's edge and
 * then does not draw it (marks lost in every demo document). Without hanging, the mark takes the
 * character before it to the next line.
 */
const PARAGRAPH_DEFAULTS = '<w:pPr><w:widowControl/><w:kinsoku/><w:overflowPunct/></w:pPr>';

export function paragraphDefaults(stylesXml: string): string {
  if (stylesXml.includes('<w:pPrDefault/>')) return stylesXml.replace('<w:pPrDefault/>', `<w:pPrDefault>${PARAGRAPH_DEFAULTS}</w:pPrDefault>`);
  if (stylesXml.includes('<w:pPrDefault></w:pPrDefault>')) return stylesXml.replace('<w:pPrDefault></w:pPrDefault>', `<w:pPrDefault>${PARAGRAPH_DEFAULTS}</w:pPrDefault>`);
  throw new Error('word/styles.xml: no empty w:pPrDefault to fill');
}

/**
 * The Normal style gets the body's size. LibreOffice measures a lines-and-characters grid's cell
 * from the Normal style's (East Asian) size, not from the document defaults: without it the cell
 * is sized for 12 pt, each 16 pt character takes two cells and a bulletin line holds 17.
 */
export function normalSize(stylesXml: string, halfPoints: number): string {
  const normal = /<w:style w:type="paragraph" w:styleId="Normal"[^>]*>([\s\S]*?)<\/w:style>/.exec(stylesXml);
  if (!normal) throw new Error('word/styles.xml: no Normal style');
  if (normal[1]!.includes('<w:rPr>')) throw new Error('word/styles.xml: the Normal style already has run properties');
  const size = `<w:rPr><w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/></w:rPr>`;
  const patched = normal[0].replace('</w:style>', `${size}</w:style>`);
  return stylesXml.slice(0, normal.index) + patched + stylesXml.slice(normal.index + normal[0].length);
}

/**
 * Word's lists for Simplified Chinese (Options › Typography): no line opens with a closing mark and
 * none ends with an opening one. The credit's last character (摄 in 记者王俊星摄, 图 in 供图) is
 * added to the marks that never open a line, so a caption never ends with it alone.
 */
export const NO_BREAK_AFTER = '$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥';
export const NO_BREAK_BEFORE = '!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠摄图';

export interface SettingsPatch {
  /** Facing pages: the inside margin (and gutter) mirror between left and right pages. */
  mirrorMargins: boolean;
}

/** CT_Settings is a sequence: each element goes before the first of those that must follow it. */
function insertBefore(xml: string, element: string, followers: readonly string[]): string {
  for (const f of followers) {
    const at = xml.search(new RegExp(`<w:${f}[\\s/>]`));
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  return xml.replace('</w:settings>', `${element}</w:settings>`);
}

const AFTER_MIRROR = ['alignBordersAndEdges', 'bordersDoNotSurroundHeader', 'bordersDoNotSurroundFooter', 'gutterAtTop', 'hideSpellingErrors', 'hideGrammaticalErrors', 'activeWritingStyle', 'proofState', 'formsDesign', 'attachedTemplate', 'linkStyles', 'stylePaneFormatFilter', 'stylePaneSortMethod', 'documentType', 'mailMerge', 'revisionView', 'trackRevisions', 'doNotTrackMoves', 'doNotTrackFormatting', 'documentProtection', 'autoFormatOverride', 'styleLockTheme', 'styleLockQFSet', 'defaultTabStop'];
const AFTER_LINE_BREAKS = ['savePreviewPicture', 'doNotValidateAgainstSchema', 'saveInvalidXml', 'ignoreMixedContent', 'alwaysShowPlaceholderText', 'doNotDemarcateInvalidXml', 'saveXmlDataOnly', 'useXSLTWhenSaving', 'saveThroughXslt', 'showXMLTags', 'alwaysMergeEmptyNamespace', 'updateFields', 'hdrShapeDefaults', 'footnotePr', 'endnotePr', 'compat'];

const escapeAttr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function printSettings(settingsXml: string, patch: SettingsPatch): string {
  let out = settingsXml;
  if (patch.mirrorMargins && !out.includes('<w:mirrorMargins')) out = insertBefore(out, '<w:mirrorMargins/>', AFTER_MIRROR);
  const lists = `<w:noLineBreaksAfter w:lang="zh-CN" w:val="${escapeAttr(NO_BREAK_AFTER)}"/><w:noLineBreaksBefore w:lang="zh-CN" w:val="${escapeAttr(NO_BREAK_BEFORE)}"/>`;
  if (!out.includes('<w:noLineBreaksAfter')) out = insertBefore(out, lists, AFTER_LINE_BREAKS);
  return out;
}

/** The document's language in its core properties, where a catalogue or a reader's speech looks for it. */
export function coreLanguage(coreXml: string, language: string): string {
  if (coreXml.includes('<dc:language>')) return coreXml;
  if (!coreXml.includes('</cp:coreProperties>')) throw new Error('docProps/core.xml has no cp:coreProperties root');
  return coreXml.replace('</cp:coreProperties>', `<dc:language>${escapeAttr(language)}</dc:language></cp:coreProperties>`);
}

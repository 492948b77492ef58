// Paragraph styles taken off the bulletin's line grid. LibreOffice rounds every line up to whole
// grid lines even under exact spacing, so a 2号 title (taller than one 28.95 pt line in the
// substitute fonts) would take two grid lines per line. docx cannot write a paragraph's
// w:snapToGrid, so it is added to the generated styles.
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function offGrid(stylesXml: string, styleIds: readonly string[]): string {
  let out = stylesXml;
  for (const id of styleIds) {
    const style = new RegExp(`<w:style\\b[^>]*w:styleId="${escapeRe(id)}"[^>]*>[\\s\\S]*?</w:style>`).exec(out);
    if (!style) throw new Error(`offGrid: no style ${id} in styles.xml`);
    // CT_PPrBase puts snapToGrid right before spacing; every style of ours sets its spacing.
    if (style[0].includes('<w:snapToGrid')) continue;
    if (!style[0].includes('<w:spacing')) throw new Error(`offGrid: style ${id} has no w:spacing to anchor w:snapToGrid`);
    const patched = style[0].replace('<w:spacing', '<w:snapToGrid w:val="0"/><w:spacing');
    out = out.slice(0, style.index) + patched + out.slice(style.index + style[0].length);
  }
  return out;
}

// The parts of a native Excel chart (DrawingML, ECMA-376 Part 1 §21.2): a clustered column chart
// whose series point at the sheet's cells, with the cells' values cached so that a reader draws it
// before recalculating — series in a second unit as lines on a value axis of their own, on the
// right — and the drawing that anchors it to the sheet. Excel, WPS and LibreOffice
// open it as their own chart: restyled, retitled or extended there like any other.

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

export interface NativeSeries {
  name: string;
  /** The cell holding the series name, e.g. 'Sheet'!$A$5. */
  nameRef: string;
  /** The row of values, e.g. 'Sheet'!$D$5:$H$5. */
  valuesRef: string;
  /** One per category; null is a gap (no point), never a zero. */
  values: (number | null)[];
  /** Points that are approximate figures (近80): drawn hatched. */
  approx: boolean[];
  /** RRGGBB */
  fill: string;
  /** A DrawingML preset pattern (ST_PresetPatternVal) to tell series apart in grey print, or null for solid. */
  pattern: string | null;
}

export interface NativeChart {
  title: string;
  /** The value axis' title: the unit. */
  axisTitle: string;
  categoriesRef: string;
  categories: string[];
  series: NativeSeries[];
  /** Series in a second unit: lines on a secondary value axis titled with that unit, never on the first one's. */
  secondary?: { axisTitle: string; series: NativeSeries[] } | null;
  /** Font for every text of the chart: one that Windows and WPS have. */
  font: string;
}

export interface Anchor {
  /** 0-based cell coordinates of the top-left and bottom-right corners. */
  fromCol: number;
  fromRow: number;
  toCol: number;
  toRow: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fonts(font: string): string {
  return `<a:latin typeface="${esc(font)}"/><a:ea typeface="${esc(font)}"/>`;
}

/** Text properties for a chart element: size in points. */
function txPr(font: string, size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}">${fonts(font)}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

function richTitle(text: string, font: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="1">${fonts(font)}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size * 100}" b="1">${fonts(font)}</a:rPr><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function fill(color: string, pattern: string | null): string {
  return pattern
    ? `<a:pattFill prst="${pattern}"><a:fgClr><a:srgbClr val="${color}"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>`
    : `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

const OUTLINE = '<a:ln w="6350"><a:solidFill><a:srgbClr val="1A1A1A"/></a:solidFill></a:ln>';

function series(s: NativeSeries, i: number, cats: NativeChart): string {
  const points = s.values.map((v, idx) => (v === null ? '' : `<c:pt idx="${idx}"><c:v>${v}</c:v></c:pt>`)).join('');
  // An approximate figure: hatched upward diagonals over the series colour, like the app's charts.
  const approx = s.approx
    .map((a, idx) => (a && s.values[idx] !== null ? `<c:dPt><c:idx val="${idx}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(s.fill, 'wdUpDiag')}${OUTLINE}</c:spPr></c:dPt>` : ''))
    .join('');
  const catPts = cats.categories.map((c, idx) => `<c:pt idx="${idx}"><c:v>${esc(c)}</c:v></c:pt>`).join('');
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${esc(s.nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr>${fill(s.fill, s.pattern)}${OUTLINE}</c:spPr><c:invertIfNegative val="0"/>${approx}` +
    // Labels take the cell's own number format (sourceLinked), so an approximate figure reads 近80.0.
    `<c:dLbls><c:numFmt formatCode="General" sourceLinked="1"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(cats.font, 8)}` +
    `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${esc(cats.categoriesRef)}</c:f><c:strCache><c:ptCount val="${cats.categories.length}"/>${catPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(s.valuesRef)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>${points}</c:numCache></c:numRef></c:val>` +
    `</c:ser>`
  );
}

/** Line dashes after the first (solid), so grey print tells the lines apart as it does the bars. */
const DASHES = ['solid', 'dash', 'sysDot', 'lgDashDot', 'sysDash', 'lgDash'] as const;
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'x', 'star'] as const;

function marker(symbol: string, s: NativeSeries, pattern: string | null): string {
  return `<c:marker><c:symbol val="${symbol}"/><c:size val="7"/><c:spPr>${fill(s.fill, pattern)}<a:ln w="9525"><a:solidFill><a:srgbClr val="${s.fill}"/></a:solidFill></a:ln></c:spPr></c:marker>`;
}

/** A series of the secondary axis: a line with markers, an approximate figure's marker hatched. */
function lineSeries(s: NativeSeries, i: number, k: number, cats: NativeChart): string {
  const symbol = MARKERS[k % MARKERS.length]!;
  const points = s.values.map((v, idx) => (v === null ? '' : `<c:pt idx="${idx}"><c:v>${v}</c:v></c:pt>`)).join('');
  const approx = s.approx.map((a, idx) => (a && s.values[idx] !== null ? `<c:dPt><c:idx val="${idx}"/>${marker(symbol, s, 'wdUpDiag')}<c:bubble3D val="0"/></c:dPt>` : '')).join('');
  const catPts = cats.categories.map((c, idx) => `<c:pt idx="${idx}"><c:v>${esc(c)}</c:v></c:pt>`).join('');
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${esc(s.nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr><a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="${s.fill}"/></a:solidFill><a:prstDash val="${DASHES[k % DASHES.length]}"/><a:round/></a:ln></c:spPr>` +
    `${marker(symbol, s, null)}${approx}` +
    `<c:dLbls><c:numFmt formatCode="General" sourceLinked="1"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(cats.font, 8)}` +
    `<c:dLblPos val="t"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${esc(cats.categoriesRef)}</c:f><c:strCache><c:ptCount val="${cats.categories.length}"/>${catPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(s.valuesRef)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>${points}</c:numCache></c:numRef></c:val>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

const AXIS_LINE = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="1A1A1A"/></a:solidFill></a:ln></c:spPr>';

/**
 * The secondary axes of a combination chart, as Excel writes them: a category axis that is not
 * shown (the lines share the bars' years) and a value axis on the right, crossing at the far end.
 */
function secondaryAxes(c: NativeChart, title: string, cat: number, val: number): string {
  return (
    `<c:catAx><c:axId val="${cat}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/><c:axPos val="b"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${val}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="r"/>` +
    `${richTitle(title, c.font, 9)}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${AXIS_LINE}${txPr(c.font, 9)}<c:crossAx val="${cat}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`
  );
}

export function chartXml(c: NativeChart): string {
  const [CAT, VAL, CAT2, VAL2] = [500100, 500200, 500300, 500400];
  const second = c.secondary?.series.length ? c.secondary : null;
  const lines = second
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${second.series.map((s, k) => lineSeries(s, c.series.length + k, k, c)).join('')}` +
      `<c:marker val="1"/><c:axId val="${CAT2}"/><c:axId val="${VAL2}"/></c:lineChart>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${richTitle(c.title, c.font, 14)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${c.series.map((s, i) => series(s, i, c)).join('')}` +
    `<c:gapWidth val="80"/><c:overlap val="-10"/><c:axId val="${CAT}"/><c:axId val="${VAL}"/></c:barChart>${lines}` +
    `<c:catAx><c:axId val="${CAT}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="1A1A1A"/></a:solidFill></a:ln></c:spPr>${txPr(c.font, 9)}` +
    `<c:crossAx val="${VAL}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D0D0D0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `${richTitle(c.axisTitle, c.font, 9)}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="1A1A1A"/></a:solidFill></a:ln></c:spPr>${txPr(c.font, 9)}` +
    `<c:crossAx val="${CAT}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `${second ? secondaryAxes(c, second.axisTitle, CAT2, VAL2) : ''}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(c.font, 9)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${txPr(c.font, 9)}</c:chartSpace>`
  );
}

export function drawingXml(a: Anchor, name: string): string {
  const at = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(a.fromCol, a.fromRow)}</xdr:from><xdr:to>${at(a.toCol, a.toRow)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

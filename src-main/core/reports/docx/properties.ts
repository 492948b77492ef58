// The document's properties (File › Properties, the PDF's metadata): its title and who issues it.
// A document without them is "Un-named" by docx's default, which an office sending it out must fix by hand.
import type { ResolvedDocument } from '../../../shared/document.ts';

export interface DocumentProperties {
  title: string;
  creator: string;
  lastModifiedBy: string;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, '').trim();

/** The issuing unit: the bulletin's issuer, the feature's by-line, else the park. */
function issuerOf(doc: ResolvedDocument, template: 'magazine' | 'bulletin'): string {
  const unit = template === 'bulletin' ? doc.bulletin.issuer : doc.byline;
  return oneLine(unit) || doc.parkName;
}

export function documentProperties(docs: readonly ResolvedDocument[], template: 'magazine' | 'bulletin'): DocumentProperties {
  const first = docs[0]!;
  if (docs.length === 1) {
    const creator = issuerOf(first, template);
    return { title: oneLine(first.title.map((r) => r.text).join('')), creator, lastModifiedBy: creator };
  }
  // Several parks' features: the column (园区风采 2023.08) speaks for all of them.
  const issuers = [...new Set(docs.map((d) => issuerOf(d, template)))];
  const column = template === 'magazine' ? `${first.magazine.columnZh} ${first.magazine.issue}`.trim() : first.bulletin.name;
  const creator = issuers.length === 1 ? issuers[0]! : column;
  return { title: column, creator, lastModifiedBy: creator };
}

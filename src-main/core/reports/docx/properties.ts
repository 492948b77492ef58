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

/** Iterable: a yearbook's features come one at a time (yearbook.ts Features). */
export function documentProperties(docs: Iterable<ResolvedDocument>, template: 'magazine' | 'bulletin'): DocumentProperties {
  let first: ResolvedDocument | undefined;
  let count = 0;
  const unique = new Set<string>();
  for (const d of docs) {
    first ??= d;
    count++;
    unique.add(issuerOf(d, template));
  }
  if (!first) throw new Error('documentProperties: no documents');
  if (count === 1) {
    const creator = issuerOf(first, template);
    return { title: oneLine(first.title.map((r) => r.text).join('')), creator, lastModifiedBy: creator };
  }
  // Several parks' features: the column (园区风采 2023.08) speaks for all of them.
  const issuers = [...unique];
  const column = template === 'magazine' ? `${first.magazine.columnZh} ${first.magazine.issue}`.trim() : first.bulletin.name;
  const creator = issuers.length === 1 ? issuers[0]! : column;
  return { title: column, creator, lastModifiedBy: creator };
}

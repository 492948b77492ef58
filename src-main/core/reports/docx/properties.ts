// The document's properties (File › Properties, the PDF's metadata): its title and who issues it.
// A document without them is "Un-named" by docx's default, which an office sending it out must fix by hand.
import type { ResolvedDocument } from '../../../shared/document.ts';
import { issueLine } from '../../../shared/bulletin-issue.ts';

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

/**
 * Iterable: a yearbook's features come one at a time (yearbook.ts Features). `oneIssue`: the
 * documents are the articles of one bulletin issue, under the first one's masthead.
 */
export function documentProperties(docs: Iterable<ResolvedDocument>, template: 'magazine' | 'bulletin', options: { oneIssue?: boolean } = {}): DocumentProperties {
  let first: ResolvedDocument | undefined;
  let count = 0;
  const unique = new Set<string>();
  for (const d of docs) {
    first ??= d;
    count++;
    unique.add(issuerOf(d, template));
  }
  if (!first) throw new Error('documentProperties: no documents');
  if (count > 1 && options.oneIssue && template === 'bulletin') {
    // One issue is one publication: it is issued by the unit its masthead names (GB/T 9704's 发文机关,
    // the issuer's line), as a 简报 is catalogued and filed. The other parks' articles are
    // contributions it prints, credited by their by-lines; they do not make the issue theirs, so
    // the author is the masthead's issuer whether or not the articles' issuers agree, and the title
    // is the issue's (楚雄高新区工作简报 第8期), never one article's.
    const b = first.bulletin;
    const creator = issuerOf(first, template);
    return { title: oneLine(`${b.name} ${issueLine(b.number, b.totalNumber)}`), creator, lastModifiedBy: creator };
  }
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

// From the bytes of an article file to its text: .txt and .md in UTF-8, GB18030/GBK or UTF-16 (the
// importer's decoder), .docx through mammoth. Only reads; the file is never touched. Refused with a
// message naming the file: an empty file, binary content, a .docx that is no zip or that would
// unpack past its limit (checked in the zip's directory before anything is inflated), more than
// 20 MB.

import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { IMPORT_MAX_BYTES } from '../../shared/tables.ts';
import { decodeText } from '../imports/csv-read.ts';
import { LimitError, limitShown, READ_LIMITS } from '../imports/limits.ts';
import { formatBytes } from '../imports/read-file.ts';
import { checkXml, XmlDamaged } from '../imports/xml-check.ts';
import { ZipError, ZipReader } from '../imports/zip.ts';

/** As for an import: the contract's limit on a file crossing to the core. */
export const ARTICLE_MAX_BYTES = IMPORT_MAX_BYTES;
/** A 50-page article with its pictures unpacks to a few MB of XML; the pictures are never read. */
export const DOCX_MAX_UNZIPPED = 200 * 1024 * 1024;
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text', '.markdown']);
/** Word's and WPS's older formats: compound files, which only their programs read. */
const OLD_DOCUMENT_EXTENSIONS = new Set(['.doc', '.dot', '.wps', '.wpt']);
/** The parts of a .docx that hold or shape its text; media and fonts stay packed. */
const DOCX_TEXT_PARTS = /^(?:\[Content_Types\]\.xml|_rels\/\.rels|word\/_rels\/document\.xml\.rels|word\/(?:document|styles|numbering|footnotes|endnotes|comments)\.xml)$/u;

export interface ArticleText {
  fileName: string;
  text: string;
}

export async function readArticleFile(fileName: string, bytes: Uint8Array): Promise<ArticleText> {
  const file = fileName;
  if (bytes.length > ARTICLE_MAX_BYTES) throw new AppError('ARTICLE_TOO_LARGE', { file, size: formatBytes(bytes.length), max: formatBytes(ARTICLE_MAX_BYTES) });
  if (bytes.length === 0) throw new AppError('ARTICLE_EMPTY', { file });
  const ext = extname(fileName).toLowerCase();
  let text: string;
  if (ext === '.docx') {
    text = await docxText(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    checkLines(file, text);
  }
  else if (TEXT_EXTENSIONS.has(ext)) text = plainText(file, bytes, ext === '.md' || ext === '.markdown');
  else if (OLD_DOCUMENT_EXTENSIONS.has(ext)) throw new AppError('ARTICLE_OLD_FORMAT', { file });
  else throw new AppError('ARTICLE_FILE_TYPE', { file });
  if (!text.trim()) throw new AppError('ARTICLE_EMPTY', { file });
  return { fileName, text };
}

/**
 * Text as the importer decodes it. Binary content shows as NUL bytes or control characters, which
 * no article holds; a zip renamed .txt starts with PK.
 */
function plainText(file: string, bytes: Uint8Array, markdown: boolean): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) throw new AppError('ARTICLE_BINARY', { file });
  const { text, encoding } = decodeText(bytes);
  const sample = text.slice(0, 64 * 1024);
  // eslint-disable-next-line no-control-regex -- control characters are what is being looked for
  const controls = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/gu) ?? []).length;
  if ((encoding.startsWith('utf-8') && sample.includes('\u0000')) || controls > sample.length / 100) throw new AppError('ARTICLE_BINARY', { file });
  const unix = text.replace(/\r\n?/gu, '\n');
  checkLines(file, unix);
  // A Markdown heading's marks (## 产业立区) are layout, not words of the article.
  return markdown ? unix.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gmu, '') : unix;
}

/** Lines and line length within READ_LIMITS, counted without splitting the text. */
function checkLines(file: string, text: string): void {
  let lines = 0;
  let from = 0;
  for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', from)) {
    const end = nl < 0 ? text.length : nl;
    if (end - from > READ_LIMITS.lineChars) throw limitRefusal(file, new LimitError('lineChars'));
    if (++lines > READ_LIMITS.lines) throw limitRefusal(file, new LimitError('lines'));
    if (nl < 0) return;
    from = nl + 1;
  }
}

const limitRefusal = (file: string, e: LimitError) => new AppError('ARTICLE_LIMIT', { file, limit: e.limit, max: limitShown(e.limit, e.max) });

async function docxText(file: string, buf: Buffer): Promise<string> {
  let zip: ZipReader;
  try {
    zip = new ZipReader(buf, DOCX_MAX_UNZIPPED);
  } catch (e) {
    throw zipRefusal(file, e);
  }
  if (!zip.has('word/document.xml')) throw new AppError('ARTICLE_NOT_DOCX', { file, detail: 'word/document.xml' });
  // mammoth inflates what it is given without a limit: it is given only the text parts, each
  // already inflated within its declared size by our reader.
  const parts = new JSZip();
  for (const name of zip.names()) {
    if (!DOCX_TEXT_PARTS.test(name)) continue;
    let data: Buffer | null;
    try {
      data = zip.read(name);
    } catch (e) {
      throw zipRefusal(file, e);
    }
    if (data) {
      try {
        checkXml(data.toString('utf8'), name);
      } catch (e) {
        throw zipRefusal(file, e);
      }
      parts.file(name, data);
    }
  }
  const repacked = await parts.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  try {
    const { value } = await mammoth.extractRawText({ buffer: repacked });
    // mammoth ends each paragraph with a blank line; an article's paragraphs are its lines.
    return value.replace(/\r\n?/gu, '\n').replace(/\n{2,}/gu, '\n').trim();
  } catch (e) {
    // Every part was well-formed XML (checked above): what mammoth still cannot read is damage within the document.
    throw new AppError('ARTICLE_DAMAGED', { file, detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
}

function zipRefusal(file: string, e: unknown): unknown {
  if (e instanceof LimitError) return limitRefusal(file, e);
  if (e instanceof XmlDamaged) return new AppError('ARTICLE_DAMAGED', { file, detail: e.message });
  if (!(e instanceof ZipError)) return e;
  const p = e.problem;
  if (p.kind === 'ole') return new AppError('ARTICLE_OLD_FORMAT', { file });
  if (p.kind === 'corrupt') return new AppError('ARTICLE_DAMAGED', { file, detail: p.detail });
  if (p.kind === 'bomb') return new AppError('ARTICLE_ZIP_BOMB', { file, size: formatBytes(p.size), max: formatBytes(p.max) });
  const detail =
    p.kind === 'not-zip'
      ? 'not a zip'
      : p.kind === 'duplicate'
        ? `two parts named ${p.name}`
        : p.detail;
  return new AppError('ARTICLE_NOT_DOCX', { file, detail });
}

// The parts of a docx Document as text and bytes, without the zip Packer wraps them in. The yearbook
// builds one small Document per feature and splices its parts into one package (yearbook-package.ts):
// zipping each feature only to unzip it again costs more than building the feature. docx keeps its
// compiler behind Packer; a docx upgrade that moves it fails here by name (yearbook.test.ts).
import { Packer, type Document } from 'docx';
import './prep-for-xml.ts';

type Parts = Map<string, string | Uint8Array>;

interface Compiler {
  compile(file: Document): Parts;
}

function compiler(): Compiler {
  const c = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  if (typeof c?.compile !== 'function') throw new Error('docx: Packer has no compiler (the yearbook needs docx 9.15 or a release with the same Packer)');
  return c as Compiler;
}

/** Every part of the package by its path: XML as strings, media as the bytes docx was given. */
export const compileParts = (doc: Document): Parts => compiler().compile(doc);

/** A compiled part's text. */
export function partText(parts: Parts, path: string): string {
  const part = parts.get(path);
  if (typeof part !== 'string') throw new Error(`the compiled .docx has no ${path}`);
  return part;
}

// docx 9.15 gathers the attributes of every run property, spacing and indent it writes by spreading
// the object built so far into a new one for each attribute (a reduce over `_objectSpread2`, which
// copies property descriptors). That was a fifth of a 100-park yearbook's CPU time and much of its
// garbage. The same attributes in the same order, written into one object: an attribute named twice
// keeps its first place and its last value, as the spread did, so the XML is the same byte for byte
// (attributes-fix.test.ts compares the two on every attribute docx writes for a feature).
import { NextAttributeComponent } from 'docx';

type Payload = Record<string, { key: string; value: unknown } | undefined>;

const proto = NextAttributeComponent.prototype as unknown as { prepForXml(context: unknown): { _attr: Record<string, unknown> } };

/** docx's own method, kept for the test that compares it with the replacement. */
export const spreadAttributes = proto.prepForXml;

export function gatheredAttributes(this: unknown): { _attr: Record<string, unknown> } {
  const attrs: Record<string, unknown> = {};
  for (const item of Object.values((this as { root: Payload }).root)) if (item && item.value !== undefined) attrs[item.key] = item.value;
  return { _attr: attrs };
}

proto.prepForXml = gatheredAttributes;

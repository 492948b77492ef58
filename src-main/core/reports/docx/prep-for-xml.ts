// docx 9.15 turns its components into objects for its XML writer (prepForXml) with a copy per item
// in the three kinds every run, paragraph and property is made of: the attributes of a run property,
// spacing or indent were gathered by spreading the object built so far into a new one per attribute
// (a reduce over `_objectSpread2`, which copies property descriptors), an element's children went
// through flatMap and filter, and named attributes through Object.entries. Together they were a
// third of a 100-park yearbook's CPU and much of its garbage. The same objects, built in one pass:
// an attribute named twice keeps its first place and its last value, as the spread did, so the XML
// is the same byte for byte (prep-for-xml.test.ts compares docx's own on a whole yearbook).
import { EMPTY_OBJECT, isXmlComponent, NextAttributeComponent, XmlAttributeComponent, XmlComponent } from 'docx';

type Xmlable = Record<string, unknown>;
interface Prep {
  prepForXml(context: { stack: unknown[] }): Xmlable | undefined;
}
type Payload = Record<string, { key: string; value: unknown } | undefined>;

const next = NextAttributeComponent.prototype as unknown as Prep;
const named = XmlAttributeComponent.prototype as unknown as Prep;
const element = XmlComponent.prototype as unknown as Prep;

/** docx's own methods, kept for the test that compares them with the replacements. */
export const docxOwn = { next: next.prepForXml, named: named.prepForXml, element: element.prepForXml };

function gatheredAttributes(this: { root: Payload }): Xmlable {
  const attrs: Record<string, unknown> = {};
  for (const item of Object.values(this.root)) if (item && item.value !== undefined) attrs[item.key] = item.value;
  return { _attr: attrs };
}

function namedAttributes(this: { root: Record<string, unknown>; xmlKeys?: Record<string, string> }): Xmlable {
  const attrs: Record<string, unknown> = {};
  const keys = this.xmlKeys;
  for (const key of Object.keys(this.root)) {
    const value = this.root[key];
    if (value !== undefined) attrs[(keys && keys[key]) || key] = value;
  }
  return { _attr: attrs };
}

function elementChildren(this: { root: unknown[]; rootKey: string }, context: { stack: unknown[] }): Xmlable {
  context.stack.push(this);
  const children: unknown[] = [];
  // As flatMap: an array a child gives is spread one level; then every undefined left out.
  const take = (r: unknown) => {
    if (Array.isArray(r)) {
      for (const x of r) if (x !== undefined) children.push(x);
    } else if (r !== undefined) children.push(r);
  };
  for (const comp of this.root) {
    if (!isXmlComponent(comp)) take(comp);
    else {
      const parts = (comp as { writtenAs?: Prep[] }).writtenAs;
      take(parts ? parts.map((part) => part.prepForXml(context)) : (comp as unknown as Prep).prepForXml(context));
    }
  }
  context.stack.pop();
  const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : null;
  return { [this.rootKey]: children.length ? (only?._attr ? only : children) : EMPTY_OBJECT };
}

/** The replacements, by the prototype they go on. */
export const replacements = { next: gatheredAttributes, named: namedAttributes, element: elementChildren };

export function useReplacements(on: boolean): void {
  next.prepForXml = (on ? gatheredAttributes : docxOwn.next) as Prep['prepForXml'];
  named.prepForXml = (on ? namedAttributes : docxOwn.named) as Prep['prepForXml'];
  element.prepForXml = (on ? elementChildren : docxOwn.element) as Prep['prepForXml'];
}

useReplacements(true);

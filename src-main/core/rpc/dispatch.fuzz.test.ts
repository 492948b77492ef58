// 10,000 malformed calls into dispatch(), the one entry both transports end in (issue 5, item 3):
// wrong types, huge strings, deep nesting, prototype-pollution keys, NaN/Infinity, bigints, unknown
// and look-alike methods. Each must come back as an error envelope naming a code, none may crash or
// reach a handler, and the store must hold exactly what it held before. Payloads come from a seeded
// generator, so a failure names the call that broke it and replays the same way.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type Method } from '../../shared/contract.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { dispatch } from './dispatch.ts';
import { seededRandom as rng } from '../../../test/support/seeded-random.ts';

const CALLS = 10_000;
const SEED = 0x9e3779b9;


const HUGE = 'x'.repeat(3_000_000);
const HUGE_CJK = '园'.repeat(1_000_000);

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function deepObject(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

// Own properties named like the prototype chain, as JSON.parse makes them from a request body.
const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"prototype": {"polluted": true}}'),
  Object.create(null),
];

/** Values no field of the contract accepts: a call whose every field is one of these is invalid. */
function junk(r: () => number): unknown {
  const pick = Math.floor(r() * 14);
  switch (pick) {
    case 0:
      return NaN;
    case 1:
      return r() < 0.5 ? Infinity : -Infinity;
    case 2:
      return BigInt(Math.floor(r() * 1e9)) * 10n ** 20n;
    case 3:
      return deepArray(1 + Math.floor(r() * 5000));
    case 4:
      return deepObject(1 + Math.floor(r() * 5000));
    case 5:
      return POLLUTERS[Math.floor(r() * POLLUTERS.length)];
    case 6:
      return HUGE;
    case 7:
      return HUGE_CJK;
    case 8:
      return [NaN, HUGE.slice(0, 1000), null];
    case 9:
      return { toString: 1, valueOf: null };
    case 10:
      return new Date(NaN);
    case 11:
      return -0 / 0;
    case 12:
      return [[[[{ __proto__: null }]]]];
    default:
      return { length: -1, 0: 'a' };
  }
}

/** A value of the wrong shape for a whole input (inputs are objects). */
function notAnObject(r: () => number): unknown {
  const choices = [0, -1, 1e308, NaN, Infinity, true, false, 'parks.list', HUGE, [], [{}], deepArray(3000), 12345678901234567890n];
  return choices[Math.floor(r() * choices.length)];
}

const METHODS = Object.keys(contract) as Method[];
const LOOKALIKES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'parks.list ', ' parks.list', 'PARKS.LIST', 'parks', 'parks.', '.list', 'parks.list\u0000', 'documents.export\n', 'imports.apply/../x', HUGE.slice(0, 100_000), ''];

function keysOf(method: Method): string[] {
  const schema = contract[method].input as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

interface Call {
  n: number;
  method: unknown;
  input: unknown;
  what: string;
}

function* calls(): Generator<Call> {
  const r = rng(SEED);
  for (let n = 0; n < CALLS; n++) {
    const kind = r();
    if (kind < 0.08) {
      const m = r() < 0.7 ? LOOKALIKES[Math.floor(r() * LOOKALIKES.length)] : [null, 42, {}, [], NaN, undefined][Math.floor(r() * 6)];
      yield { n, method: m, input: {}, what: 'unknown method' };
      continue;
    }
    const method = METHODS[Math.floor(r() * METHODS.length)]!;
    const keys = keysOf(method);
    if (kind < 0.3) {
      yield { n, method, input: notAnObject(r), what: 'input not an object' };
    } else if (kind < 0.55) {
      // Strict schemas: any key the contract doesn't name refuses the call, polluting ones too.
      const extra = ['__proto__', 'constructor', 'prototype', 'then', 'admin', '$where', 'x'.repeat(1 + Math.floor(r() * 300))][Math.floor(r() * 7)]!;
      const input = JSON.parse(`{${JSON.stringify(extra)}: 1}`) as Record<string, unknown>;
      yield { n, method, input, what: `unknown key ${extra.slice(0, 20)}` };
    } else if (keys.length) {
      const input: Record<string, unknown> = {};
      for (const k of keys) if (r() < 0.8 || !Object.keys(input).length) input[k] = junk(r);
      yield { n, method, input, what: 'every field of a wrong type' };
    } else {
      yield { n, method, input: [junk(r)], what: 'array for an empty input' };
    }
  }
}

describe('dispatch under 10,000 malformed calls', () => {
  let s: TempStore;
  let before: Record<string, unknown[]>;
  beforeAll(() => {
    s = tempStore();
    before = dumpStore(s.ctx);
  });
  afterAll(() => s.dispose());

  it('answers every one with an error envelope and writes nothing', async () => {
    const codes = new Map<string, number>();
    let tried = 0;
    for (const c of calls()) {
      let reply: Awaited<ReturnType<typeof dispatch>>;
      try {
        reply = await dispatch(s.ctx, c.method as string, c.input);
      } catch (e) {
        throw new Error(`call ${c.n} (${c.what}, method ${String(c.method).slice(0, 40)}) threw: ${(e as Error).message}`, { cause: e });
      }
      if (reply.ok || typeof reply.error?.code !== 'string' || typeof reply.error.message !== 'string') {
        throw new Error(`call ${c.n} (${c.what}, method ${String(c.method).slice(0, 40)}) answered ${JSON.stringify(reply).slice(0, 300)}`);
      }
      // Mostly refused by validation; a text field that takes 3 MB (photos.add) reaches its handler,
      // which must refuse it by name too. INTERNAL would be a crash turned into an envelope.
      expect(reply.error.code, `call ${c.n} (${c.what}, ${String(c.method).slice(0, 40)})`).not.toBe('INTERNAL');
      codes.set(reply.error.code, (codes.get(reply.error.code) ?? 0) + 1);
      tried++;
    }
    expect(tried).toBe(CALLS);
    // Both kinds of refusal were exercised, not one path 10,000 times.
    expect(codes.get('INVALID_INPUT')).toBeGreaterThan(CALLS / 2);
    expect(codes.get('UNKNOWN_METHOD')).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(dumpStore(s.ctx)).toEqual(before);
    expect(s.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('still serves a valid call afterwards', async () => {
    const r = await dispatch(s.ctx, 'parks.list', {});
    expect(r.ok).toBe(true);
  });
});

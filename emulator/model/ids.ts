/**
 * Identifiers shaped like Graph's. Message and folder ids are opaque URL-safe base64 strings (REST
 * ids, e.g. `AAMkAGI2…AAA=`), users and SharePoint objects have GUIDs. Everything is derived from a
 * random source or a hash, so a seeded tenant has the same ids on every run.
 */

import { bytesToBase64Url } from './base64.ts';

export type RandomSource = () => number;

/** FNV-1a, 32 bit: a stable hash for deriving ids from names. */
export function stableHash(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A random source seeded from a string: the same name always yields the same ids. */
export function randomFromName(name: string): RandomSource {
  let state = stableHash(name);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bytes(random: RandomSource, count: number): number[] {
  return Array.from({ length: count }, () => Math.floor(random() * 256));
}

const hex = (values: number[]) => values.map((b) => b.toString(16).padStart(2, '0')).join('');

/** A version-4-shaped GUID. */
export function guid(random: RandomSource): string {
  const b = bytes(random, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * An Exchange REST id. Real ids start with `AAMkA` (a message or folder in a mailbox) and
 * `AAQkA` (a conversation); the rest is opaque to clients, which must not parse it.
 */
export function exchangeId(random: RandomSource, kind: 'item' | 'folder' | 'conversation'): string {
  const prefix = kind === 'conversation' ? [0x00, 0x04, 0x24, 0x00] : [0x00, 0x03, 0x24, 0x00];
  const size = kind === 'item' ? 66 : kind === 'folder' ? 42 : 30;
  return bytesToBase64Url([...prefix, ...bytes(random, size)]);
}

/** Short random hex, e.g. for `changeKey` and `internetMessageId`. */
export function randomHex(random: RandomSource, byteCount: number): string {
  return hex(bytes(random, byteCount));
}

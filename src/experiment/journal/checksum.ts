import { createHash } from 'node:crypto';

/**
 * Checksums of what eastwest keeps between processes (journal records, shard parts), so that
 * bit rot and hand edits are caught on read (docs/design.md, Contracts, "Runs, seeds, shards,
 * resume"). A line's checksum is the first 16 hex digits (64 bits) of the SHA-256 of its exact
 * text (UTF-8); a whole file's is the full SHA-256.
 */
export function lineChecksum(text: string): string {
  return sha256(text).slice(0, 16);
}

export function fileChecksum(text: string): string {
  return sha256(text);
}

/** The checksum of each line of `text` (split at `\n`; the empty rest after a final newline is no line). */
export function lineChecksums(text: string): string[] {
  return textLines(text).map(lineChecksum);
}

/** The lines of `text` as lineChecksums counts them: line n of the file is element n − 1. */
export function textLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const SEAL = /,"sum":"([0-9a-f]{16})"\}$/;

/** A JSON object's text with its checksum added as a last field: `{...,"sum":"<16 hex>"}`, still one JSON object. */
export function sealJson(json: string): string {
  if (!json.startsWith('{') || !json.endsWith('}') || json === '{}') throw new Error(`sealJson: expected a non-empty JSON object, got ${json.slice(0, 40)}`);
  return `${json.slice(0, -1)},"sum":"${lineChecksum(json)}"}`;
}

/** What a sealed line held: its JSON without the checksum when the checksum holds, else why not. */
export type Unsealed = { readonly ok: true; readonly json: string } | { readonly ok: false; readonly reason: 'no checksum' | 'checksum fails' };

/** Checks a line sealJson wrote against its checksum, byte for byte. */
export function unsealJson(line: string): Unsealed {
  const match = SEAL.exec(line);
  if (match === null) return { ok: false, reason: 'no checksum' };
  const json = `${line.slice(0, match.index)}}`;
  return lineChecksum(json) === match[1] ? { ok: true, json } : { ok: false, reason: 'checksum fails' };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

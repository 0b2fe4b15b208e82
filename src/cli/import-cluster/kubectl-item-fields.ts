import { InputError } from '../../input-error.js';

/** Which item of the List a field belongs to, for messages: `items[12] (Service shop/cart)`. */
export interface ItemPlace {
  readonly index: number;
  readonly kind: string;
}

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`spec.ports`) under an item; undefined where a step is missing. */
export function fieldAt(item: JsonObject, path: string): unknown {
  let value: unknown = item;
  for (const step of path.split('.')) value = isObject(value) ? value[step] : undefined;
  return value;
}

export function objectAt(item: JsonObject, path: string, place: ItemPlace): JsonObject {
  const value = fieldAt(item, path);
  if (!isObject(value)) throw itemProblem(item, place, path, 'an object', value);
  return value;
}

export function stringAt(item: JsonObject, path: string, place: ItemPlace): string {
  const value = fieldAt(item, path);
  if (typeof value !== 'string' || value === '') throw itemProblem(item, place, path, 'a non-empty string', value);
  return value;
}

/** A string field the API may leave out (`spec.type`); null counts as left out. */
export function optionalStringAt(item: JsonObject, path: string, place: ItemPlace): string | undefined {
  const value = fieldAt(item, path);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw itemProblem(item, place, path, 'a string', value);
  return value;
}

/** A list the API may leave out or write as null when it is empty (`spec.ports`, `endpoints`). */
export function optionalListAt(item: JsonObject, path: string, place: ItemPlace): readonly unknown[] {
  const value = fieldAt(item, path);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw itemProblem(item, place, path, 'a list', value);
  return value;
}

/**
 * `items[12] (Service shop/cart): expected spec.ports to be a list, found 7`. The message names
 * the object so it can be found in the dump; names go to stderr only, never into the YAML.
 */
export function itemProblem(item: unknown, place: ItemPlace, path: string, expected: string, found: unknown): InputError {
  return new InputError(`${describeItem(item, place)}: expected ${path} to be ${expected}, found ${foundText(found)}`);
}

export function describeItem(item: unknown, place: ItemPlace): string {
  const namespace = isObject(item) ? fieldAt(item, 'metadata.namespace') : undefined;
  const name = isObject(item) ? fieldAt(item, 'metadata.name') : undefined;
  const id = typeof name === 'string' ? ` ${typeof namespace === 'string' ? `${namespace}/` : ''}${name}` : '';
  return `items[${place.index}] (${place.kind}${id})`;
}

/** A found value as JSON (strings quoted, so `"7"` and `7` differ), cut short when long. */
export function foundText(found: unknown): string {
  if (found === undefined) return 'nothing';
  const text = JSON.stringify(found) ?? String(found);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

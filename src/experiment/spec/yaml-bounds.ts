import { Lexer } from 'yaml';
import { InputError } from '../../input-error.js';
import { groupThousands } from './written-value.js';

/** Values (scalars, aliases, collections) a file may hold, counted before it is parsed. */
export const MAX_YAML_VALUES = 250_000;
/** yaml's `maxAliasCount`: how far aliases may multiply what they point at. */
export const MAX_YAML_ALIAS_COUNT = 100;
/** Values after aliases are expanded (what later checks walk and the hash is computed over). */
export const MAX_EXPANDED_VALUES = 1_000_000;
/** Maps and lists inside each other; an experiment needs four or five. */
export const MAX_NESTING = 64;

/** Lexer tokens that begin a value: a plain or block scalar, a quoted one, an alias, a collection, a list entry. */
function startsValue(token: string): boolean {
  const first = token[0];
  return first === '\x1f' || first === '"' || first === "'" || first === '*' || token === '[' || token === '{' || token === '-';
}

/**
 * Refuses a file with more than MAX_YAML_VALUES values before parsing it: parsing costs about
 * 1 KB and 10 µs per value (yaml 2.x; a 16 MiB list of 2 million numbers took 36 s and 2.5 GB),
 * lexing a tenth of that and nothing kept.
 */
export function checkYamlSize(text: string, file: string): void {
  let values = 0;
  for (const token of new Lexer().lex(text)) {
    if (startsValue(token) && ++values > MAX_YAML_VALUES) {
      throw new InputError(`${file}: the file has more than ${groupThousands(MAX_YAML_VALUES)} values (numbers, strings, lists, maps), the limit; no experiment needs so many`);
    }
  }
}

/**
 * Walks the parsed data without recursion, aliases expanded (yaml's toJS shares what an alias
 * points at), refusing more than MAX_EXPANDED_VALUES values or nesting deeper than
 * MAX_NESTING, which is also how an alias inside itself (a cycle) ends.
 */
export function checkExpandedSize(data: unknown, file: string): void {
  const stack: { value: unknown; depth: number }[] = [{ value: data, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > MAX_EXPANDED_VALUES) {
      throw new InputError(`${file}: the file expands to more than ${groupThousands(MAX_EXPANDED_VALUES)} values once its aliases (*name) are replaced by what they point at, the limit`);
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING) {
      throw new InputError(`${file}: maps and lists are nested more than ${MAX_NESTING} deep (or an alias points into itself), over the limit`);
    }
    for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: item, depth: depth + 1 });
  }
}

import { parse as parseYaml } from 'yaml';
import { InputError } from '../../input-error.js';

/** One `--set path=value`: the value is read as a YAML scalar (`100`, `2ms`, `true`). */
export interface SetOption {
  /** As typed, for messages: `cluster.services=100`. */
  readonly text: string;
  readonly path: string;
  readonly value: unknown;
}

export function parseSetOption(text: string): SetOption {
  const equals = text.indexOf('=');
  const path = equals < 0 ? '' : text.slice(0, equals).trim();
  if (path === '') {
    throw new InputError('--set', '`path=value` (e.g. `cluster.services=100`)', text).prefixed(`--set ${text}`);
  }
  return { text, path, value: readYamlValue(text, text.slice(equals + 1)) };
}

/** `100` → 100, `2ms` → '2ms', `true` → true; an empty value is an empty string, not null. */
function readYamlValue(text: string, raw: string): unknown {
  if (raw.trim() === '') return '';
  try {
    return parseYaml(raw);
  } catch (error) {
    const what = (error as Error).message.split('\n')[0];
    throw new InputError(`--set ${text}: cannot read the value as YAML: ${what}`);
  }
}

import { InputError } from '../../input-error.js';
import { jsonErrorOffset, lineAndColumn } from './json-error-offset.js';

/**
 * JSON.parse, with a failure as bad input naming the file and where it went wrong (line and
 * column), so `kubectl ... -o yaml` by mistake, or a dump cut short, is one clear line.
 */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new InputError(`${name}: expected JSON (the output of kubectl ... -o json), found text that is not JSON: ${whereItFails(text, error.message)}`);
  }
}

function whereItFails(text: string, message: string): string {
  const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? jsonErrorOffset(text) ?? text.length);
  if (offset >= text.trimEnd().length) return `it ends too early, at line ${lineAndColumn(text, offset).line} (cut short?)`;
  const { line, column } = lineAndColumn(text, offset);
  return `${reasonOf(message)} at line ${line}, column ${column}`;
}

/** V8's reason without its position or its quotation of the text (which can be long). */
function reasonOf(message: string): string {
  const unexpected = /^Unexpected token '(.)'/.exec(message);
  if (unexpected !== null) return `unexpected \`${unexpected[1]}\``;
  return message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '').replace(/^./, (first) => first.toLowerCase());
}

/**
 * Where JSON text first goes wrong: the offset of the token that cannot continue it, or the
 * text's length when it ends too early. Used only after JSON.parse has failed, because V8 says
 * where for most errors ("... in JSON at position 7") but not for an unexpected token
 * (`Unexpected token 'a', "apiVersio"... is not valid JSON`, the message a YAML file gets).
 * A scanner that builds nothing: a stack of the open containers and one expectation.
 * A token that is wrong inside (a bad escape in a string) is reported at its start.
 */
const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** What may come next: a value, a key (`{`'s first or after a comma), or a comma or a closer. */
type Expectation = 'value' | 'first-value' | 'key' | 'first-key' | 'after-value' | 'colon';

export function jsonErrorOffset(text: string): number | undefined {
  const closers: string[] = [];
  let expect: Expectation = 'value';
  let at = skipWhitespace(text, 0);
  while (at < text.length) {
    const next = step(text, at, expect, closers);
    if (next === undefined) return at;
    [at, expect] = [skipWhitespace(text, next.at), next.expect];
    if (closers.length === 0 && expect === 'after-value') return at < text.length ? at : undefined;
  }
  return text.length;
}

interface Step {
  readonly at: number;
  readonly expect: Expectation;
}

/** One token at `at` under the expectation; undefined when it does not fit. */
function step(text: string, at: number, expect: Expectation, closers: string[]): Step | undefined {
  const char = text[at];
  const closes = char === closers.at(-1);
  if (expect === 'colon') return char === ':' ? { at: at + 1, expect: 'value' } : undefined;
  if (expect === 'after-value') {
    if (char === ',') return { at: at + 1, expect: closers.at(-1) === '}' ? 'key' : 'value' };
    return closes ? close(at, closers) : undefined;
  }
  if ((expect === 'first-key' || expect === 'first-value') && closes) return close(at, closers);
  if (expect === 'key' || expect === 'first-key') return char === '"' ? token(text, at, STRING, 'colon') : undefined;
  return value(text, at, closers);
}

function value(text: string, at: number, closers: string[]): Step | undefined {
  const char = text[at];
  if (char === '{' || char === '[') {
    closers.push(char === '{' ? '}' : ']');
    return { at: at + 1, expect: char === '{' ? 'first-key' : 'first-value' };
  }
  return token(text, at, char === '"' ? STRING : SCALAR, 'after-value');
}

function close(at: number, closers: string[]): Step {
  closers.pop();
  return { at: at + 1, expect: 'after-value' };
}

function token(text: string, at: number, pattern: RegExp, expect: Expectation): Step | undefined {
  pattern.lastIndex = at;
  if (!pattern.test(text)) return undefined;
  const end = pattern.lastIndex;
  // A literal or number running into letters (`nullx`, `12a`) is one bad token, not two.
  return /[A-Za-z0-9_]/.test(text[end] ?? '') && pattern === SCALAR ? undefined : { at: end, expect };
}

function skipWhitespace(text: string, at: number): number {
  WHITESPACE.lastIndex = at;
  WHITESPACE.test(text);
  return WHITESPACE.lastIndex;
}

/** 1-based line and column of an offset, as editors show them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

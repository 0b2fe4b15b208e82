import { readFileSync } from 'node:fs';
import { parseDocument, type YAMLError } from 'yaml';
import { InputError } from '../../input-error.js';

/**
 * Reads an experiment file as YAML (JSON is YAML too) into plain data. Malformed YAML,
 * duplicate keys and unreadable files are InputErrors naming the file (`name`, as the
 * user typed it), line and column.
 */
export function readExperimentFile(path: string, name = path): unknown {
  return parseExperimentText(readText(path, name), name);
}

export function parseExperimentText(text: string, file: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const error = document.errors[0];
  if (error !== undefined) throw new InputError(yamlErrorMessage(error, file));
  return document.toJS({ maxAliasCount: 1000 });
}

function readText(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(error);
    throw new InputError(`${file}: cannot read the experiment file (${reason})`);
  }
}

/** `x.yaml:3:1: malformed YAML: <what>` followed by yaml's excerpt with a caret. */
function yamlErrorMessage(error: YAMLError, file: string): string {
  const start = error.linePos?.[0];
  const where = start === undefined ? file : `${file}:${start.line}:${start.col}`;
  const [first, ...excerpt] = error.message.split('\n');
  const what = first.replace(/ at line \d+, column \d+:?$/, '');
  const shown = excerpt.filter((line) => line.trim() !== '').join('\n');
  return `${where}: malformed YAML: ${what}${shown === '' ? '' : `\n${shown}`}`;
}

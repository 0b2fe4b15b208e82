import { parseDocument, type YAMLError } from 'yaml';
import { InputError } from '../../input-error.js';
import { MAX_EXPERIMENT_FILE_BYTES, readBoundedText } from './bounded-read.js';
import { checkExpandedSize, checkYamlSize, MAX_YAML_ALIAS_COUNT } from './yaml-bounds.js';

/**
 * Reads an experiment file as YAML (JSON is YAML too) into plain data. Every limit is checked
 * before the work it guards: the size while reading (at most `maxBytes`), the number of values
 * before parsing, alias expansion while converting, the expanded size and nesting after.
 * Malformed YAML, duplicate keys, unreadable files and files over a limit are InputErrors
 * naming the file (`name`, as the user typed it), with the line and column where there is one.
 */
export function readExperimentFile(path: string, name = path, maxBytes = MAX_EXPERIMENT_FILE_BYTES): unknown {
  return parseExperimentText(readBoundedText(path, name, maxBytes), name);
}

export function parseExperimentText(text: string, file: string): unknown {
  checkYamlSize(text, file);
  const document = guarded(file, () => parseDocument(text, { uniqueKeys: true, prettyErrors: true }));
  const error = document.errors[0];
  if (error !== undefined) throw new InputError(yamlErrorMessage(error, file));
  const data = guarded(file, () => document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }));
  checkExpandedSize(data, file);
  return data;
}

/**
 * yaml throws (rather than reports) for aliases that multiply too far or point nowhere, and
 * a parser recursing through deep nesting can run out of stack: all three are the file's fault.
 */
function guarded<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    if (error.message.includes('Excessive alias count')) {
      throw new InputError(`${file}: aliases (*name) expand the file too far (yaml's alias limit, maxAliasCount ${MAX_YAML_ALIAS_COUNT}, was reached: a "billion laughs" file?)`);
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new InputError(`${file}: maps and lists are nested too deeply to read`);
    if (error instanceof ReferenceError) throw new InputError(`${file}: malformed YAML: ${error.message}`);
    throw error;
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

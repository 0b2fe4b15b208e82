import type { ParameterSpec } from '../contract/parameter-spec.js';
import { EXPERIMENT_NAME_PATTERN, TOP_LEVEL_SPECS } from '../experiment/index.js';
import { DISTRIBUTION_FIELDS, DISTRIBUTION_NAMES } from '../random/index.js';

type Schema = Record<string, unknown>;

/** Go-style durations as parseDuration reads them (`250us`, `1.5s`, `1m30s`, `0`). */
const DURATION_PATTERN = '^(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+)$';
/** Shape fields have no unit whatever the quantity's unit (src/random's FieldReader). */
const UNITLESS_FIELDS: readonly string[] = ['alpha'];
const FIELD_NAMES = ['dist', ...new Set(Object.values(DISTRIBUTION_FIELDS).flat())];

/**
 * JSON Schema (2020-12) of an experiment file, generated from the parameter tables so editors
 * can complete and check files. The loader stays the authority: cross-field rules (p99 >=
 * median, no --set on a swept path, the grid limit) are beyond a schema.
 */
export function experimentSchema(parameters: readonly ParameterSpec[]): Schema {
  const leafOrField = singleValueProperties(parameters);
  const elementFields = elementFieldPatterns(parameters);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'eastwest experiment file',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'duration'],
    properties: {
      name: { type: 'string', pattern: EXPERIMENT_NAME_PATTERN.source, description: 'Names the output files: results/<name>.csv.' },
      description: { type: 'string' },
      ...Object.fromEntries(Object.values(TOP_LEVEL_SPECS).map((spec) => [spec.path, documented(spec, valueSchema(spec))])),
      scenario: groupSchema('', parameters),
      sweep: {
        type: 'object',
        additionalProperties: false,
        properties: mapValues(leafOrField, (schema) => ({ type: 'array', minItems: 1, uniqueItems: true, items: schema })),
        patternProperties: mapValues(elementFields, (schema) => ({ type: 'array', minItems: 1, uniqueItems: true, items: schema })),
      },
      cases: { type: 'array', items: { type: 'object', additionalProperties: false, properties: leafOrField, patternProperties: elementFields } },
    },
    $defs: {
      duration: { type: 'string', pattern: DURATION_PATTERN },
      durationDistribution: distributionSchema('duration'),
      numberDistribution: distributionSchema('number'),
    },
  };
}

/** Dotted paths of whole parameters and of distribution fields, each with its value schema. */
function singleValueProperties(parameters: readonly ParameterSpec[]): Record<string, Schema> {
  const properties: Record<string, Schema> = {};
  for (const spec of parameters) {
    properties[spec.path] = documented(spec, valueSchema(spec));
    if (spec.kind !== 'distribution') continue;
    for (const field of FIELD_NAMES) properties[`${spec.path}.${field}`] = fieldSchema(field, spec.valueUnit);
  }
  return properties;
}

/**
 * One field of one element of a list parameter (`cluster.serviceClasses.1.count`), as a sweep
 * or a case may set it: a pattern per field, whose value is that field's schema in the
 * element's, or any value when the element's schema does not say.
 */
function elementFieldPatterns(parameters: readonly ParameterSpec[]): Record<string, Schema> {
  const patterns: Record<string, Schema> = {};
  for (const spec of parameters) {
    if (spec.kind !== 'custom') continue;
    const items = (spec.schema as { items?: { properties?: Record<string, Schema> } }).items;
    for (const field of spec.elementFields ?? []) {
      patterns[`^${spec.path.replaceAll('.', '\\.')}\\.\\d{1,4}\\.${field}$`] = items?.properties?.[field] ?? {};
    }
  }
  return patterns;
}

/**
 * The map under `prefix` in `scenario`: nested maps, dotted keys, or any mix of the two, as
 * the loader accepts them (`cluster: { services: 5 }`, `cluster.services: 5`).
 */
function groupSchema(prefix: string, parameters: readonly ParameterSpec[]): Schema {
  const inside = parameters.filter((spec) => prefix === '' || spec.path.startsWith(`${prefix}.`));
  const properties: Record<string, Schema> = {};
  for (const spec of inside) {
    const segments = (prefix === '' ? spec.path : spec.path.slice(prefix.length + 1)).split('.');
    segments.forEach((_, i) => {
      const key = segments.slice(0, i + 1).join('.');
      if (i === segments.length - 1) properties[key] = documented(spec, valueSchema(spec));
      else properties[key] ??= groupSchema(prefix === '' ? key : `${prefix}.${key}`, parameters);
    });
  }
  return { type: 'object', additionalProperties: false, properties };
}

function documented(spec: ParameterSpec, schema: Schema): Schema {
  return { ...schema, description: `${spec.doc} (${spec.unit})` };
}

function valueSchema(spec: ParameterSpec): Schema {
  switch (spec.kind) {
    case 'integer':
      return withMaximum({ type: 'integer', minimum: spec.min }, spec.max);
    case 'number':
      return withMaximum(spec.minExclusive === true ? { type: 'number', exclusiveMinimum: spec.min } : { type: 'number', minimum: spec.min }, spec.max);
    case 'duration':
      return { $ref: '#/$defs/duration' };
    case 'choice':
      return { enum: [...spec.choices] };
    case 'boolean':
      return { type: 'boolean' };
    case 'distribution':
      return { $ref: `#/$defs/${spec.valueUnit}Distribution` };
    case 'custom':
      return { ...spec.schema };
    case 'mix':
      return {
        oneOf: [
          { enum: [...spec.choices] },
          { type: 'object', additionalProperties: false, minProperties: 1, properties: Object.fromEntries(spec.choices.map((choice) => [choice, { type: 'number', minimum: 0 }])) },
        ],
      };
  }
}

function withMaximum(schema: Schema, max: number | undefined): Schema {
  return max === undefined ? schema : { ...schema, maximum: max };
}

function distributionSchema(unit: 'duration' | 'number'): Schema {
  return {
    type: 'object',
    required: ['dist'],
    oneOf: DISTRIBUTION_NAMES.map((name) => ({
      additionalProperties: false,
      required: ['dist', ...DISTRIBUTION_FIELDS[name]],
      properties: { dist: { const: name }, ...Object.fromEntries(DISTRIBUTION_FIELDS[name].map((field) => [field, fieldSchema(field, unit)])) },
    })),
  };
}

function fieldSchema(field: string, unit: 'duration' | 'number'): Schema {
  if (field === 'dist') return { enum: [...DISTRIBUTION_NAMES] };
  const quantity = unit === 'duration' && !UNITLESS_FIELDS.includes(field) ? { $ref: '#/$defs/duration' } : { type: 'number' };
  return field === 'values' ? { type: 'array', minItems: 1, items: quantity } : quantity;
}

function mapValues(record: Record<string, Schema>, map: (schema: Schema) => Schema): Record<string, Schema> {
  return Object.fromEntries(Object.entries(record).map(([key, schema]) => [key, map(schema)]));
}

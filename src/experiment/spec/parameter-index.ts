import type { ParameterSpec } from '../../contract/parameter-spec.js';
import { closestName } from '../../text/closest-name.js';

/**
 * What a dotted path in an experiment file addresses: a whole parameter, or one field of a
 * distribution parameter (`workload.serviceTime.median`, docs/design.md, Contracts).
 */
export type ParameterTarget =
  | { readonly kind: 'parameter'; readonly path: string; readonly spec: ParameterSpec }
  | { readonly kind: 'field'; readonly path: string; readonly spec: ParameterSpec; readonly field: string }
  /** One field of one element of a list parameter: `cluster.serviceClasses.1.count`. */
  | { readonly kind: 'element'; readonly path: string; readonly spec: ParameterSpec; readonly index: number; readonly field: string };

/** A model's parameter table indexed by path, with the questions the loader asks of it. */
export class ParameterIndex {
  private readonly byPath: ReadonlyMap<string, ParameterSpec>;
  private readonly groups: ReadonlySet<string>;

  constructor(readonly specs: readonly ParameterSpec[]) {
    this.byPath = new Map(specs.map((spec) => [spec.path, spec]));
    this.groups = new Set(specs.flatMap((spec) => parentPaths(spec.path)));
  }

  get paths(): string[] {
    return this.specs.map((spec) => spec.path);
  }

  spec(path: string): ParameterSpec | undefined {
    return this.byPath.get(path);
  }

  /** True for `cluster` or `proxy.iptables`: a prefix under which parameters live. */
  isGroup(path: string): boolean {
    return this.groups.has(path);
  }

  /** The parameter or distribution field `path` names, or undefined when it names neither. */
  target(path: string): ParameterTarget | undefined {
    const spec = this.byPath.get(path);
    if (spec !== undefined) return { kind: 'parameter', path, spec };
    const dot = path.lastIndexOf('.');
    const owner = dot > 0 ? this.byPath.get(path.slice(0, dot)) : undefined;
    if (owner?.kind === 'distribution') return { kind: 'field', path, spec: owner, field: path.slice(dot + 1) };
    return this.elementTarget(path);
  }

  /** `<list parameter>.<index>.<field>` for a field its spec lets be addressed alone. */
  private elementTarget(path: string): ParameterTarget | undefined {
    const match = /^(.+)\.(\d{1,4})\.([A-Za-z]+)$/.exec(path);
    if (match === null) return undefined;
    const spec = this.byPath.get(match[1]);
    if (spec?.kind !== 'custom' || !(spec.elementFields ?? []).includes(match[3])) return undefined;
    return { kind: 'element', path, spec, index: Number(match[2]), field: match[3] };
  }

  /** `; did you mean `x`?` for a mistyped path, or an empty string when nothing is close. */
  didYouMean(path: string): string {
    const suggestion = closestName(path, this.paths);
    return suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
  }

  /** The written default of every parameter, in table order (values as the table writes them). */
  writtenDefaults(): Record<string, unknown> {
    return Object.fromEntries(this.specs.map((spec) => [spec.path, spec.default]));
  }
}

function parentPaths(path: string): string[] {
  const parts = path.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * The parts models hand each other (the cluster's layout, the data plane, the resolver...).
 * Each model adds the parts it provides to this interface, from its own folder, by module
 * augmentation (as FailureReasons), so a model asks for a part by name and gets its type:
 *
 *   declare module '../core/seams.js' {
 *     interface Seams { dataPlane: DataPlane }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Seams {}

/**
 * The run's registry of parts. A model provides its parts while it is wired and may take the
 * parts of models wired before it; in `begin` (after every model is wired) it may take any.
 * A missing part is a composition mistake, so it throws saying who needed what.
 */
export class SeamRegistry {
  private readonly parts = new Map<string, { readonly part: unknown; readonly by: string }>();

  provide<K extends keyof Seams & string>(name: K, part: Seams[K], by: string): void {
    const existing = this.parts.get(name);
    if (existing !== undefined) throw new Error(`Model ${by} provides \`${name}\`, which model ${existing.by} already provides`);
    this.parts.set(name, { part, by });
  }

  /** An optional part: undefined when no model provides it. */
  find<K extends keyof Seams & string>(name: K): Seams[K] | undefined {
    return this.parts.get(name)?.part as Seams[K] | undefined;
  }

  get<K extends keyof Seams & string>(name: K, by: string): Seams[K] {
    const entry = this.parts.get(name);
    if (entry === undefined) {
      throw new Error(`Model ${by} needs \`${name}\`, which no model wired before it provides: list the provider first, or take it in begin()`);
    }
    return entry.part as Seams[K];
  }
}

/**
 * State shared by the emitters while one module is generated: which helpers the code calls,
 * and module-level constants hoisted out of statement functions so they are built once at load
 * rather than per request. Constants are deduplicated by their text and named in order of
 * first use, so the same input always yields the same names.
 */
import type { HelperName } from "./helpers.js";

export class EmitContext {
  readonly helpers = new Set<HelperName>();
  private readonly constants = new Map<string, string>();
  private readonly declarations: string[] = [];

  /** Marks a helper as used by the generated code. */
  use(...names: HelperName[]): void {
    for (const name of names) this.helpers.add(name);
  }

  /**
   * Returns the name of a module-level constant holding `initializer` (of `type`), declaring
   * it on first use. `prefix` hints at what the constant is (e.g. `GLOB`).
   */
  constant(prefix: string, type: string, initializer: string): string {
    const key = `${type}=${initializer}`;
    const existing = this.constants.get(key);
    if (existing !== undefined) return existing;
    const name = `${prefix}${this.constants.size}`;
    this.constants.set(key, name);
    this.declarations.push(`const ${name}: ${type} = ${initializer};`);
    return name;
  }

  /** The hoisted constant declarations, in order of first use. */
  constantDeclarations(): readonly string[] {
    return this.declarations;
  }
}

/** A string as a TypeScript literal. */
export function lit(s: string): string {
  return JSON.stringify(s);
}

/**
 * A context look-up through the generated view: `q.get("key")` for the usual ASCII key names,
 * `q.get("key", false)` when the name needs full Unicode case folding.
 */
export function viewCall(method: "get" | "variable", lowerKey: string): string {
  const ascii = /^[\x00-\x7f]*$/.test(lowerKey);
  return ascii ? `q.${method}(${lit(lowerKey)})` : `q.${method}(${lit(lowerKey)}, false)`;
}

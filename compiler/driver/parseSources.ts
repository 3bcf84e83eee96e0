/**
 * Stage 1, parse: source text → tokens → CST → AST (grammar/). A file with syntax errors is
 * reported but goes no further, so its partial tree cannot cause misleading follow-on errors.
 */
import type { SourceFile } from "../../grammar/ast.js";
import { parse } from "../../grammar/parse.js";
import { hasErrors, type Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import type { SourceInput } from "./program.js";

export function parseSources(inputs: readonly SourceInput[], diagnostics: Diagnostic[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const input of inputs) {
    const { ast, diagnostics: syntax } = parse(input.text, input.path);
    diagnostics.push(...syntax);
    if (!hasErrors(syntax)) files.push(ast);
  }
  return files;
}

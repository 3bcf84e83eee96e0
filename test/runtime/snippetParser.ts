/**
 * A function of a generated-evaluator snippet (compiler/emit/typescript/snippets*.ts),
 * compiled the way the generated module is, so a test can compare the copy with the runtime.
 */
import ts from "typescript";

export function snippetFunction<F>(source: string, name: string): F {
  const { outputText } = ts.transpileModule(`${source}\nreturn ${name};`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  });
  return new Function(outputText)() as F;
}

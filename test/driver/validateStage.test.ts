// The validate stage: every built document goes to each validator with the kind IAM receives
// it as, and a finding becomes an internal error (ARP9006) at the statement it names.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { analyzeProgram } from "../../compiler/compileProgram.js";
import { validateDocuments, type DocumentKind } from "../../compiler/driver/validateDocuments.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";

const SOURCE = [
  "policy Standalone { allow apprunner:ListServices on * }",
  "policy Shared { allow apprunner:PauseService on * allow apprunner:ResumeService on * }",
  'role R1 { trust service "tasks.apprunner.amazonaws.com" attach Shared }',
  'role R2 { trust service "tasks.apprunner.amazonaws.com" attach Shared }',
].join("\n");

describe("validate stage", () => {
  it("hands every built document to the validators with its kind", () => {
    const { built } = analyzeProgram([{ path: "v.arp", text: SOURCE }]);
    const seen: string[] = [];
    validateDocuments(built.documents, [], [(document, kind: DocumentKind) => {
      seen.push(`${kind} ${[document.Statement].flat().length}`);
      return [];
    }]);
    expect(seen.sort()).toEqual(["identity 1", "identity 2", "inline 2", "inline 2", "trust 1", "trust 1"]);
  });

  it("reports a finding as ARP9006 at the statement's span, once for a policy two roles inline", () => {
    const { built } = analyzeProgram([{ path: "v.arp", text: SOURCE }]);
    const diagnostics: Diagnostic[] = [];
    validateDocuments(built.documents, diagnostics, [(_document, kind) => (kind === "inline" ? [{ message: "bad", statement: 1 }] : [])]);
    expect(diagnostics.map((d) => d.code)).toEqual(["ARP9006"]);
    expect(SOURCE.slice(diagnostics[0]!.span.start, diagnostics[0]!.span.end)).toBe("allow apprunner:ResumeService on *");
  });

  it("has no validator that rejects what arp builds today", () => {
    expect(compile(SOURCE).diagnostics).toEqual([]);
  });
});

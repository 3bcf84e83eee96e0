// Names that are also properties of Object.prototype must be ordinary names everywhere the
// compiler looks one up: `param toString = "prod"` used to compile to
// `function toString() { [native code] }`, an undefaulted `param constructor` passed as set,
// and importing `${toString}` crashed the importer.
//
// IAM User Guide, reference_policies_variables.md: "A policy variable is indicated by a `$`
// prefix followed by a pair of curly braces (`{ }`) that include the variable name of the value
// from the request" — `${toString}` names no request value, so it is never an escape.
import { describe, expect, it } from "vitest";
import { check, compile, importPolicy, runPolicyTests } from "../../compiler/index.js";
import { loadCatalog } from "../../compiler/catalog/index.js";
import { searchCatalog } from "../../compiler/catalog/listCatalog.js";
import type { IamPolicyDocument, IamStatement } from "../../runtime/index.js";

const NAMES = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"] as const;

function first(doc: IamPolicyDocument): IamStatement {
  return Array.isArray(doc.Statement) ? doc.Statement[0]! : (doc.Statement as IamStatement);
}

function codes(result: { diagnostics: readonly { code: string }[] }): string[] {
  return result.diagnostics.map((d) => d.code);
}

describe.each(NAMES)("the name `%s`", (name) => {
  it("is an ordinary parameter: its default, an API setting, or no value at all", () => {
    const source = `param ${name} = "prod"\nallow apprunner:DescribeService on service/\${${name}}/*\n`;
    const compiled = compile(source);
    expect(codes(compiled)).toEqual([]);
    expect(first(compiled.policies[0]!.document).Resource).toBe("arn:aws:apprunner:*:*:service/prod/*");

    const set = compile(source, { params: { [name]: "dev" } });
    expect(codes(set)).toEqual([]);
    expect(first(set.policies[0]!.document).Resource).toBe("arn:aws:apprunner:*:*:service/dev/*");

    // Without a default and without a setting, the parameter has no value (ARP2010): the
    // setting is not found on Object.prototype.
    const unset = check(`param ${name}\nallow apprunner:DescribeService on service/\${${name}}/*\n`);
    expect(codes(unset)).toEqual(["ARP2010"]);
  });

  it("is an undeclared variable when not declared, not an inherited value", () => {
    for (const use of [`"\${${name}}"`, `$${name}`]) {
      const result = check(`allow apprunner:DescribeService on service/* when tag team = ${use}\n`);
      expect(codes(result)).toEqual(["ARP2008"]);
    }
  });

  it("is a setting that no file declares (ARP2009 on the settings)", () => {
    const result = check("allow apprunner:ListServices on *\n", { params: { [name]: "x" } });
    expect(codes(result)).toEqual(["ARP2009"]);
  });

  it("names policies, roles, tags and tag keys", () => {
    const source = [
      `policy ${name} { allow apprunner:DescribeService on service/${name}/* when tag ${name} = "${name}" and principal tag ${name} = "${name}" }`,
      `role ${name} { trust service "build.apprunner.amazonaws.com"\n  policy ${name}Inline { allow apprunner:ListServices on * }\n  attach ${name} }`,
      "",
    ].join("\n");
    const result = compile(source);
    expect(codes(result)).toEqual([]);
    const policy = result.policies.find((p) => p.name === name)!;
    expect(first(policy.document).Condition).toEqual({
      StringEquals: { [`aws:ResourceTag/${name}`]: name, [`aws:PrincipalTag/${name}`]: name },
    });
    expect(result.roles.map((r) => r.name)).toEqual([name]);
  });

  it("is an unknown service, action or condition key, reported and not looked up on a prototype", () => {
    expect(codes(check(`allow ${name}:Describe on *\n`))).toEqual(["ARP2001"]);
    expect(codes(check(`allow apprunner:${name} on *\n`))).toEqual(["ARP2002"]);
    expect(codes(check(`allow apprunner:ListServices on * when ${name}:${name} = "x"\n`))).toEqual(["ARP2006"]);
    expect(codes(check(`allow apprunner:ListServices on * when apprunner:${name} = "x"\n`))).toEqual(["ARP2006"]);
    // A web identity provider's claims are a fixed list: `constructor` is not one of them.
    expect(codes(check(`allow apprunner:ListServices on * when example.com:${name} = "x"\n`))).toEqual(["ARP2006"]);

    const catalog = loadCatalog();
    expect(catalog.hasService(name)).toBe(false);
    expect(catalog.serviceName(name)).toBeUndefined();
    expect(catalog.action(`${name}:x`)).toBeUndefined();
    expect(catalog.action(`apprunner:${name}`)).toBeUndefined();
    expect(catalog.conditionKey(`${name}:x`)).toBeUndefined();
    expect(catalog.conditionKey(`iam:${name}`)).toBeUndefined();
    expect(catalog.conditionKey(`example.com:${name}`)).toBeUndefined();
    expect(catalog.resourceType(name, name)).toBeUndefined();
    expect(catalog.matchActions(`${name}:*`)).toEqual([]);
    expect(searchCatalog(name).services ?? []).toEqual([]);
  });

  it("is a context key and value in a policy test", () => {
    const source = [
      `policy P { allow apprunner:DescribeService on service/* when tag ${name} = "${name}" }`,
      `test "t" for P {`,
      `  expect allow apprunner:DescribeService on service/web/abc with tag ${name} = "${name}"`,
      `  expect implicit deny apprunner:DescribeService on service/web/abc with tag ${name} = "other"`,
      `  expect implicit deny apprunner:DescribeService on service/web/abc`,
      "}",
      "",
    ].join("\n");
    const result = runPolicyTests([{ path: "t.arp", text: source }]);
    expect(codes(result)).toEqual([]);
    expect(result.outcomes.map((o) => o.passed)).toEqual([true, true, true]);
  });

  it("imports from JSON keys, Sids, tag keys, values and variables without crashing", async () => {
    const policy = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "apprunner:DescribeService",
          Resource: `arn:aws:apprunner:*:*:service/${name}/*`,
          Condition: {
            StringEquals: { [`aws:PrincipalTag/${name}`]: name, [`aws:ResourceTag/${name}`]: `\${aws:PrincipalTag/${name}}` },
          },
        },
      ],
    };
    const imported = await importPolicy(JSON.stringify(policy), { file: `${name}.json` });
    expect(codes(imported)).toEqual([]);
    expect(imported.arp).toContain(`tag ${name}`);
    expect(imported.document).toEqual(policy);

    // A service or key the catalog does not know is imported as written, with a warning (IAM
    // accepts it), under an `// arp-ignore` comment.
    for (const unknown of [
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${name}:X","Resource":"*"}]}`,
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"apprunner:ListServices","Resource":"*","Condition":{"StringEquals":{"${name}:${name}":"x"}}}]}`,
    ]) {
      const result = await importPolicy(unknown, { file: "h.json" });
      expect(result.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
      expect(result.document).toEqual(JSON.parse(unknown));
    }

    for (const hostile of [
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"apprunner:ListServices","Resource":"*","Condition":{"StringEquals":{"aws:username":"\${${name}}"}}}]}`,
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"apprunner:ListServices","Resource":"*","Condition":{"${name}":{"aws:username":"x"}}}]}`,
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"apprunner:ListServices","Resource":"*","${name}":1}],"${name}":{}}`,
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"${name}":"x"},"Action":"sts:AssumeRole"}]}`,
    ]) {
      const result = await importPolicy(hostile, { file: "h.json" });
      expect(result.arp).toBeUndefined();
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(result.diagnostics.every((d) => d.code.startsWith("ARP6"))).toBe(true);
    }
  });
});

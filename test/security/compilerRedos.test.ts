// Wildcards written in a policy, in a condition key or in a catalog search are matched with the
// runtime's linear matcher, never compiled to a regular expression: `ec2:**********Z` used to
// become `^[\s\S]*[\s\S]*…Z$`, whose backtracking ran for minutes on each action name.
//
// IAM User Guide, reference_policies_elements_action.md: "You can use wildcards (* or ?) in the
// action name"; the wildcards match case-insensitively, as action names are not case sensitive.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { check, importPolicy } from "../../compiler/index.js";
import { searchCatalog } from "../../compiler/catalog/listCatalog.js";
import { loadCatalog, replaceVariables, splitArn, wildcardMatcher } from "../../compiler/catalog/index.js";
import { conditionPatternMatcher, patternTokensOf } from "../../compiler/catalog/conditionPattern.js";
import { rawConditionPatterns } from "../../compiler/catalog/iamData.js";
import { templateKeyPattern } from "../../compiler/catalog/serviceData.js";
import { patternTokens } from "../../compiler/catalog/wildcard.js";

/** Counts `new RegExp(...)` / `RegExp(...)` calls made through the global binding while a test runs. */
let built: string[] = [];
const NativeRegExp = globalThis.RegExp;

beforeEach(() => {
  built = [];
  globalThis.RegExp = new Proxy(NativeRegExp, {
    construct(target, args: [string | RegExp, string?]) {
      built.push(String(args[0]));
      return new target(...args);
    },
    apply(target, _this, args: [string | RegExp, string?]) {
      built.push(String(args[0]));
      return target(...args);
    },
  });
});

afterEach(() => {
  globalThis.RegExp = NativeRegExp;
});

const STARS = "*".repeat(40);
const QUESTIONS = "?".repeat(40);
const LONG = "a".repeat(5000);

/** Patterns that make a backtracking matcher exponential or polynomial in their length. */
const ADVERSARIAL = [
  `${STARS}Z`,
  `${"*a".repeat(30)}Z`,
  `${QUESTIONS}*${QUESTIONS}Z`,
  `*${"?*".repeat(30)}Z`,
  `${LONG}*${LONG}`,
];

describe("no wildcard in policy text becomes a regular expression", () => {
  it("checks actions with many stars and question marks quickly, building no RegExp", () => {
    for (const name of ADVERSARIAL) {
      const started = performance.now();
      const result = check(`allow ec2:${name} on *\n`);
      expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP2003"]);
      expect(check(`allow "${name}:Describe*" on *\n`).ok).toBe(false);
      // Generous: the old matcher needed minutes for the first of these.
      expect(performance.now() - started).toBeLessThan(3000);
    }
    expect(built.filter((source) => source.includes("[\\s\\S]") || source.includes(".*"))).toEqual([]);
  });

  it("still matches what IAM would: `*` any run, `?` exactly one character, any case", () => {
    const catalog = loadCatalog();
    expect(catalog.matchActions("apprunner:Describe*").map((a) => a.name)).toContain("DescribeService");
    expect(catalog.matchActions("apprunner:describe????ice").map((a) => a.name)).toEqual(["DescribeService"]);
    expect(catalog.matchActions(`apprunner:${STARS}Service`).map((a) => a.name)).toContain("DescribeService");
    expect(catalog.matchActions(`apprunner:${STARS}Z`)).toEqual([]);
    expect(catalog.matchActions("app*:DescribeService").map((a) => a.fullName)).toEqual(["apprunner:DescribeService"]);
  });

  it("searches the catalog with adversarial words quickly", () => {
    for (const word of ADVERSARIAL.slice(0, 4)) {
      const listing = searchCatalog(word);
      expect(listing.actions).toEqual([]);
    }
    expect(searchCatalog("Describe????ice").actions.map((a) => a.fullName)).toContain("apprunner:DescribeService");
    expect(built).toEqual([]);
  });

  it("imports a policy with an adversarial action quickly", async () => {
    const json = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: `ec2:${STARS}Z`, Resource: "*" }] });
    const result = await importPolicy(json, { file: "p.json" });
    expect(result.arp === undefined || typeof result.arp === "string").toBe(true);
    expect(built.filter((source) => source.includes("[\\s\\S]"))).toEqual([]);
  });

  it("resolves templated and pattern-listed condition keys without regular expressions", () => {
    const catalog = loadCatalog();
    expect(catalog.conditionKey("aws:PrincipalTag/team")?.name).toBe("aws:PrincipalTag/${TagKey}");
    expect(catalog.conditionKey("iam:ResourceTag/team")).toBeDefined();
    const longKey = `iam:ResourceTag/${"x".repeat(20_000)}`;
    expect(catalog.conditionKey(longKey)).toBeDefined();
    expect(catalog.conditionKey(`iam:${"ResourceTag/".repeat(2000)}`)).toBeDefined();
    expect(built).toEqual([]);
  });
});

describe("the translated data patterns", () => {
  it("translates every regular expression in the installed conditionPatterns.json", () => {
    const sources = Object.values(rawConditionPatterns()).flatMap((byKey) => Object.keys(byKey));
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) expect(patternTokensOf(source), source).toBeDefined();
  });

  it("agrees with the regular expression it replaces", () => {
    const cases: [string, string, boolean][] = [
      ["iam:ResourceTag/.+?", "iam:ResourceTag/team", true],
      ["iam:ResourceTag/.+?", "IAM:resourcetag/Team", true],
      ["iam:ResourceTag/.+?", "iam:ResourceTag/", false],
      ["codebuild:secondarySources/.+?.location", "codebuild:secondarySources/src1.location", true],
      ["codebuild:secondarySources/.+?.location", "codebuild:secondarySources/src1xlocation", true],
      ["codebuild:secondarySources/.+?.location", "codebuild:secondarySources/.location", false],
      ["a(b)", "a(b)", false],
    ];
    for (const [source, key, expected] of cases) {
      const native = patternTokensOf(source) === undefined ? false : new NativeRegExp(`^${source}$`, "i").test(key);
      expect(native).toBe(expected);
      expect(conditionPatternMatcher(source)?.(key) ?? false).toBe(expected);
    }
  });

  it("matches templated keys with one or more characters per placeholder", () => {
    const m = templateKeyPattern("aws:RequestTag/${TagKey}");
    expect(m.test("aws:requesttag/x")).toBe(true);
    expect(m.test("aws:RequestTag/")).toBe(false);
    expect(templateKeyPattern("a.<b>.c").test("a.x.c")).toBe(true);
    expect(templateKeyPattern("a.<b>.c").test("aZxZc")).toBe(false);
  });
});

describe("scanning `${` without a closing brace is linear", () => {
  const OPENERS = "${".repeat(200_000);

  it("replaces variables like the regular expression /\\$\\{[^}]*\\}/g", () => {
    const texts = ["", "a${b}c", "${a}${b}", "${a${b}c}", "${", "a${b", "$", "${}", "x${a}y${b"];
    for (const text of texts) expect(replaceVariables(text, "*")).toBe(text.replace(/\$\{[^}]*\}/g, "*"));
  });

  it("tokenises and splits long runs of `${` without quadratic rescans", () => {
    const started = performance.now();
    expect(replaceVariables(OPENERS, "*")).toBe(OPENERS);
    expect(patternTokens(OPENERS)).toHaveLength(OPENERS.length);
    expect(splitArn(`arn:${OPENERS}`)).toBeUndefined();
    // Quadratic rescans of 400k characters would take minutes.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("matches a pattern against names in time linear in the name", () => {
    const matches = wildcardMatcher(`${STARS}Z`);
    expect(matches(`${"a".repeat(100_000)}z`)).toBe(true);
    expect(matches("a".repeat(100_000))).toBe(false);
  });
});

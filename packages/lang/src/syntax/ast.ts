/**
 * The typed AST of Dana (Tier 1 and Tier 2 of shared/dana-language.md).
 *
 * This file is the contract between the parser (which produces it) and the
 * evaluator and linter (which consume it). Every node carries the span of the
 * source text it came from, so runtime errors and diagnostics can point at
 * `file:line:column`. Comments are not nodes: the parser checks their
 * indentation and drops them. Tier 3 constructs (agents, workflows, resources,
 * Python imports) never reach the AST: the parser reports them as errors.
 */
import type { Span } from "../source.js";

interface NodeBase {
  readonly span: Span;
}

// ---------------------------------------------------------------------------
// Types written in annotations (`int`, `list[str]`, `A | None`, `Point`).

export type TypeExpression =
  | {
      readonly kind: "TypeName";
      readonly name: string;
      readonly arguments: readonly TypeExpression[];
      readonly span: Span;
    }
  | { readonly kind: "TypeUnion"; readonly options: readonly TypeExpression[]; readonly span: Span };

// ---------------------------------------------------------------------------
// Expressions

export type Scope = "local" | "private" | "public" | "system";

export interface IntLiteral extends NodeBase {
  readonly kind: "IntLiteral";
  /** A JS number when within Number.MAX_SAFE_INTEGER, else a bigint. */
  readonly value: number | bigint;
}
export interface FloatLiteral extends NodeBase {
  readonly kind: "FloatLiteral";
  readonly value: number;
}
export interface StringLiteral extends NodeBase {
  readonly kind: "StringLiteral";
  /** The body between the quotes, byte for byte (Dana processes no escapes). */
  readonly value: string;
}
export interface BoolLiteral extends NodeBase {
  readonly kind: "BoolLiteral";
  readonly value: boolean;
}
export interface NoneLiteral extends NodeBase {
  readonly kind: "NoneLiteral";
}
/** `f"a {x} b"` — literal text pieces interleaved with parsed expressions. */
export interface FString extends NodeBase {
  readonly kind: "FString";
  readonly parts: readonly (string | Expression)[];
}
/** A variable reference, optionally scoped (`private:x`). */
export interface Name extends NodeBase {
  readonly kind: "Name";
  readonly name: string;
  readonly scope: Scope | null;
}
export interface ListExpression extends NodeBase {
  readonly kind: "ListExpression";
  readonly elements: readonly Expression[];
}
export interface TupleExpression extends NodeBase {
  readonly kind: "TupleExpression";
  readonly elements: readonly Expression[];
}
export interface SetExpression extends NodeBase {
  readonly kind: "SetExpression";
  readonly elements: readonly Expression[];
}
export interface DictExpression extends NodeBase {
  readonly kind: "DictExpression";
  readonly entries: readonly { readonly key: Expression; readonly value: Expression }[];
}
export interface UnaryExpression extends NodeBase {
  readonly kind: "UnaryExpression";
  readonly operator: "-" | "+" | "not";
  readonly operand: Expression;
}
export type ArithmeticOperator = "+" | "-" | "*" | "/" | "//" | "%" | "**";
export interface BinaryExpression extends NodeBase {
  readonly kind: "BinaryExpression";
  readonly operator: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
}
export type ComparisonOperator = "<" | ">" | "==" | "!=" | "<=" | ">=" | "in" | "not in" | "is" | "is not";
/** Comparisons are binary and left-associative: `a < b < c` is `(a < b) < c` (a Dana DIFF). */
export interface CompareExpression extends NodeBase {
  readonly kind: "CompareExpression";
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}
/** `and` / `or`: short-circuit (project decision 4) and always yield a bool. */
export interface LogicalExpression extends NodeBase {
  readonly kind: "LogicalExpression";
  readonly operator: "and" | "or";
  readonly left: Expression;
  readonly right: Expression;
}
/** `body if test else orelse` (Python truthiness). */
export interface ConditionalExpression extends NodeBase {
  readonly kind: "ConditionalExpression";
  readonly test: Expression;
  readonly body: Expression;
  readonly orelse: Expression;
}
/** One call argument; `name` is set for keyword arguments. Written order is kept (evaluation order). */
export interface Argument extends NodeBase {
  readonly name: string | null;
  readonly value: Expression;
}
export interface CallExpression extends NodeBase {
  readonly kind: "CallExpression";
  readonly callee: Expression;
  readonly arguments: readonly Argument[];
}
export interface AttributeExpression extends NodeBase {
  readonly kind: "AttributeExpression";
  readonly object: Expression;
  readonly name: string;
  /** Span of the attribute name alone, for precise error carets. */
  readonly nameSpan: Span;
}
/** `object[index]`; `index` is a `SliceExpression` for `a[1:2]`. */
export interface IndexExpression extends NodeBase {
  readonly kind: "IndexExpression";
  readonly object: Expression;
  readonly index: Expression;
}
/** Only valid as the `index` of an IndexExpression. */
export interface SliceExpression extends NodeBase {
  readonly kind: "SliceExpression";
  readonly start: Expression | null;
  readonly stop: Expression | null;
  readonly step: Expression | null;
}
export interface Parameter extends NodeBase {
  readonly name: string;
  readonly type: TypeExpression | null;
  readonly default: Expression | null;
}
/** `lambda x, y: int = 2 :: x * y`; the receiver form `lambda (p: Point) dx :: …` sets `receiver`. */
export interface LambdaExpression extends NodeBase {
  readonly kind: "LambdaExpression";
  readonly receiver: Parameter | null;
  readonly parameters: readonly Parameter[];
  readonly body: Expression;
}
/** Loop targets: `x`, `k, v`, `(i, (a, b))`. */
export type Target = Name | TargetTuple;
export interface TargetTuple extends NodeBase {
  readonly kind: "TargetTuple";
  readonly elements: readonly Target[];
}
/** Exactly one `for` and at most one `if` (Dana grammar). */
export interface ComprehensionClause extends NodeBase {
  readonly target: Target;
  readonly iterable: Expression;
  readonly condition: Expression | null;
}
export interface ListComprehension extends NodeBase {
  readonly kind: "ListComprehension";
  readonly element: Expression;
  readonly clause: ComprehensionClause;
}
export interface SetComprehension extends NodeBase {
  readonly kind: "SetComprehension";
  readonly element: Expression;
  readonly clause: ComprehensionClause;
}
/** `{(k: v) for k, v in d.items()}` — Dana needs the parentheses. */
export interface DictComprehension extends NodeBase {
  readonly kind: "DictComprehension";
  readonly key: Expression;
  readonly value: Expression;
  readonly clause: ComprehensionClause;
}
/** `$$` — where the piped value goes in a pipeline stage call. */
export interface Placeholder extends NodeBase {
  readonly kind: "Placeholder";
}

export type Expression =
  | IntLiteral
  | FloatLiteral
  | StringLiteral
  | BoolLiteral
  | NoneLiteral
  | FString
  | Name
  | ListExpression
  | TupleExpression
  | SetExpression
  | DictExpression
  | UnaryExpression
  | BinaryExpression
  | CompareExpression
  | LogicalExpression
  | ConditionalExpression
  | CallExpression
  | AttributeExpression
  | IndexExpression
  | SliceExpression
  | LambdaExpression
  | ListComprehension
  | SetComprehension
  | DictComprehension
  | Placeholder;

// ---------------------------------------------------------------------------
// Declarative pipelines: `def f(x) = strip | upper | add("!") as shouted | fmt(shouted)`

export type PipelineStage =
  /** A function reference: `upper`, `private:f`, `m.f`. */
  | {
      readonly kind: "StageReference";
      readonly target: Expression;
      readonly capture: string | null;
      readonly span: Span;
    }
  /** A call with extra arguments; `$$` or captured names decide where the value goes. */
  | { readonly kind: "StageCall"; readonly call: CallExpression; readonly capture: string | null; readonly span: Span }
  /** `[f, g]` — each applied to the same input, yielding a list. */
  | {
      readonly kind: "StageList";
      readonly stages: readonly PipelineStage[];
      readonly capture: string | null;
      readonly span: Span;
    };

// ---------------------------------------------------------------------------
// Statements

/** Assignable places: `x`, `private:x`, `o.f`, `xs[i]`, `xs[a:b]`. */
export type AssignTarget = Name | AttributeExpression | IndexExpression;

export interface Assignment extends NodeBase {
  readonly kind: "Assignment";
  readonly target: AssignTarget;
  /** `x: int = v` — typed assignment coerces (spec 1.13). */
  readonly annotation: TypeExpression | null;
  readonly value: Expression;
}
export interface AugmentedAssignment extends NodeBase {
  readonly kind: "AugmentedAssignment";
  readonly target: AssignTarget;
  readonly operator: "+" | "-" | "*" | "/";
  readonly value: Expression;
}
export interface ExpressionStatement extends NodeBase {
  readonly kind: "ExpressionStatement";
  readonly expression: Expression;
}
export interface IfStatement extends NodeBase {
  readonly kind: "IfStatement";
  readonly test: Expression;
  readonly body: readonly Statement[];
  readonly elifs: readonly { readonly test: Expression; readonly body: readonly Statement[]; readonly span: Span }[];
  readonly orelse: readonly Statement[] | null;
}
export interface WhileStatement extends NodeBase {
  readonly kind: "WhileStatement";
  readonly test: Expression;
  readonly body: readonly Statement[];
}
export interface ForStatement extends NodeBase {
  readonly kind: "ForStatement";
  readonly target: Target;
  readonly iterable: Expression;
  readonly body: readonly Statement[];
}
export interface BreakStatement extends NodeBase {
  readonly kind: "BreakStatement";
}
export interface ContinueStatement extends NodeBase {
  readonly kind: "ContinueStatement";
}
export interface PassStatement extends NodeBase {
  readonly kind: "PassStatement";
}
export interface ReturnStatement extends NodeBase {
  readonly kind: "ReturnStatement";
  readonly value: Expression | null;
}
export interface ExceptClause extends NodeBase {
  /** null for a bare `except:` / `except as e:`; otherwise the class names listed. */
  readonly types: readonly string[] | null;
  readonly name: string | null;
  readonly body: readonly Statement[];
}
export interface TryStatement extends NodeBase {
  readonly kind: "TryStatement";
  readonly body: readonly Statement[];
  /** At least one (Dana requires an except clause). */
  readonly handlers: readonly ExceptClause[];
  readonly finally: readonly Statement[] | null;
}
export interface RaiseStatement extends NodeBase {
  readonly kind: "RaiseStatement";
  readonly exception: Expression | null;
  readonly cause: Expression | null;
}
export interface AssertStatement extends NodeBase {
  readonly kind: "AssertStatement";
  readonly test: Expression;
  readonly message: Expression | null;
}
export interface Decorator extends NodeBase {
  /** `@name` or `@name(args)`: the expression (a Name, AttributeExpression or CallExpression). */
  readonly expression: Expression;
}
export interface FunctionDefinition extends NodeBase {
  readonly kind: "FunctionDefinition";
  readonly name: string;
  readonly nameSpan: Span;
  /** `def (p: Point) norm():` — a receiver method. */
  readonly receiver: Parameter | null;
  readonly parameters: readonly Parameter[];
  readonly returnType: TypeExpression | null;
  readonly body: readonly Statement[];
  readonly decorators: readonly Decorator[];
  /** `sync def` — the same as `def` here (decision 1). */
  readonly isSync: boolean;
  readonly docstring: string | null;
}
export interface DeclarativeFunctionDefinition extends NodeBase {
  readonly kind: "DeclarativeFunctionDefinition";
  readonly name: string;
  readonly nameSpan: Span;
  readonly parameters: readonly Parameter[];
  readonly returnType: TypeExpression | null;
  readonly stages: readonly PipelineStage[];
}
export interface StructField extends NodeBase {
  readonly name: string;
  readonly type: TypeExpression;
  readonly default: Expression | null;
  /** Trailing `# comment` text, kept as the field description. */
  readonly description: string | null;
}
export interface StructDefinition extends NodeBase {
  readonly kind: "StructDefinition";
  readonly name: string;
  readonly nameSpan: Span;
  readonly fields: readonly StructField[];
  readonly docstring: string | null;
}
export type InterfaceMember =
  | {
      readonly kind: "InterfaceMethod";
      readonly name: string;
      readonly parameters: readonly Parameter[];
      readonly returnType: TypeExpression | null;
      readonly span: Span;
    }
  | { readonly kind: "EmbeddedInterface"; readonly name: string; readonly span: Span };
export interface InterfaceDefinition extends NodeBase {
  readonly kind: "InterfaceDefinition";
  readonly name: string;
  readonly nameSpan: Span;
  readonly members: readonly InterfaceMember[];
  readonly docstring: string | null;
}
/** `a.b.c` is parts ["a","b","c"]; `..x` is relativeLevel 2, parts ["x"]. */
export interface ModulePath extends NodeBase {
  readonly relativeLevel: number;
  readonly parts: readonly string[];
}
export interface ImportStatement extends NodeBase {
  readonly kind: "ImportStatement";
  readonly module: ModulePath;
  readonly alias: string | null;
}
export interface FromImportStatement extends NodeBase {
  readonly kind: "FromImportStatement";
  readonly module: ModulePath;
  /** "*" for `from m import *`. */
  readonly names: readonly { readonly name: string; readonly alias: string | null; readonly span: Span }[] | "*";
}
export interface WithStatement extends NodeBase {
  readonly kind: "WithStatement";
  readonly context: Expression;
  readonly name: string;
  readonly body: readonly Statement[];
}

export type Statement =
  | Assignment
  | AugmentedAssignment
  | ExpressionStatement
  | IfStatement
  | WhileStatement
  | ForStatement
  | BreakStatement
  | ContinueStatement
  | PassStatement
  | ReturnStatement
  | TryStatement
  | RaiseStatement
  | AssertStatement
  | FunctionDefinition
  | DeclarativeFunctionDefinition
  | StructDefinition
  | InterfaceDefinition
  | ImportStatement
  | FromImportStatement
  | WithStatement;

export interface Program extends NodeBase {
  readonly kind: "Program";
  readonly file: string;
  readonly body: readonly Statement[];
  /** The source text, kept for code frames in errors. */
  readonly source: string;
}

export type Node = Expression | Statement | Program;

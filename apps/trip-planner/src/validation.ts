/**
 * zod issues → FastAPI's 422 body: `{"detail":[{"loc":["body","duration_days"],"msg":"…","type":"…"}]}`.
 * The `type` names follow pydantic's where one exists, so clients written against FastAPI keep working.
 */
import type { z } from "zod";

export interface ValidationErrorItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class RequestValidationError extends Error {
  override readonly name = "RequestValidationError";
  constructor(readonly detail: ValidationErrorItem[]) {
    super(detail.map((item) => `${item.loc.join(".")}: ${item.msg}`).join("; "));
  }
}

const jsTypeToPydantic: Record<string, string> = {
  number: "float",
  int: "int",
  string: "string",
  boolean: "bool",
  array: "list",
  object: "dict",
};

/** An absent field fails as invalid_type (or invalid_value for enums) with no input. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return (issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined;
}

function issueType(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return "missing";
  switch (issue.code) {
    case "invalid_type":
      return `${jsTypeToPydantic[issue.expected] ?? issue.expected}_type`;
    case "too_small":
      if (issue.origin === "array" || issue.origin === "string") return "too_short";
      return issue.inclusive === false ? "greater_than" : "greater_than_equal";
    case "too_big":
      if (issue.origin === "array" || issue.origin === "string") return "too_long";
      return issue.inclusive === false ? "less_than" : "less_than_equal";
    case "invalid_value":
      return "enum";
    case "invalid_format":
      return issue.format === "date" ? "date_from_datetime_parsing" : "string_pattern_mismatch";
    default:
      return issue.code;
  }
}

const typeNames: Record<string, string> = {
  int: "a valid integer",
  number: "a valid number",
  string: "a valid string",
  boolean: "a valid boolean",
  array: "a valid list",
  object: "a valid dictionary",
};

/** pydantic's wording, which FastAPI clients show to people; zod's own message where pydantic has none. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return "Field required";
  switch (issue.code) {
    case "invalid_type":
      return typeNames[issue.expected] ? `Input should be ${typeNames[issue.expected]}` : issue.message;
    case "too_small":
      if (issue.origin === "array") return `List should have at least ${issue.minimum} item(s) after validation`;
      if (issue.origin === "number")
        return `Input should be greater than${issue.inclusive === false ? "" : " or equal to"} ${issue.minimum}`;
      return issue.message;
    case "too_big":
      if (issue.origin === "array") return `List should have at most ${issue.maximum} item(s) after validation`;
      if (issue.origin === "number")
        return `Input should be less than${issue.inclusive === false ? "" : " or equal to"} ${issue.maximum}`;
      return issue.message;
    case "invalid_value": {
      const options = issue.values.map((value) => `'${String(value)}'`);
      const last = options.pop();
      return `Input should be ${options.length > 0 ? `${options.join(", ")} or ${last}` : last}`;
    }
    case "invalid_format":
      return issue.format === "date" ? "Input should be a valid date in the format YYYY-MM-DD" : issue.message;
    default:
      return issue.message;
  }
}

export function toValidationDetail(issues: readonly z.core.$ZodIssue[], location: string): ValidationErrorItem[] {
  return issues.map((issue) => ({
    loc: [location, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))],
    msg: issueMessage(issue),
    type: issueType(issue),
  }));
}

/** Parses a request part or throws `RequestValidationError` (turned into a 422 by the error handler). */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  location: "body" | "path" | "query",
): z.output<Schema> {
  if (location === "body" && value === undefined) {
    throw new RequestValidationError([{ loc: ["body"], msg: "Field required", type: "missing" }]);
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new RequestValidationError(toValidationDetail(result.error.issues, location));
  return result.data;
}

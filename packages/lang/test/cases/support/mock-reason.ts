/**
 * A deterministic stand-in for the LLM behind `reason()`, modelled on the reference's mock mode (spec 1.11).
 * It returns the raw reply text (or, on request, already-structured data, as a host may); the evaluator does the
 * type-directed coercion, which is what the cases check.
 */
import type { ExpectedType, ReasonRequest } from "../../../src/index.js";

/** Prompts starting with this are answered with the rest of the prompt, verbatim (tests of reply coercion). */
const replyWithPrefix = "reply with: ";

/** Prompts starting with this are answered with already-structured data: the rest of the prompt, parsed as JSON. */
const structuredPrefix = "structured: ";

export function mockReason(request: ReasonRequest): unknown {
  // Test hooks first, so a case can pin the exact reply whatever type the call expects.
  if (request.prompt.startsWith("echo options")) return JSON.stringify(request.options);
  if (request.prompt.startsWith(structuredPrefix)) return JSON.parse(request.prompt.slice(structuredPrefix.length));
  if (request.prompt.startsWith(replyWithPrefix)) return request.prompt.slice(replyWithPrefix.length);
  if (request.expectedType) return replyForType(request.expectedType);
  const prompt = request.prompt.toLowerCase();
  if (prompt.includes("capital of france")) return "Paris";
  if (prompt.replaceAll(" ", "").includes("2+2")) return "4";
  return `This is a mock response to: ${request.prompt}`;
}

function replyForType(expected: ExpectedType): string {
  if (expected.kind === "struct") {
    const fields = Object.fromEntries(expected.fields.map((field) => [field.name, sampleForTypeName(field.type)]));
    return JSON.stringify(fields);
  }
  switch (expected.name) {
    case "int":
      return "42";
    case "float":
      return "3.14";
    case "bool":
      return "true";
    case "str":
      return "mock text";
    case "dict":
      return JSON.stringify({ result: "mock" });
    case "list":
      return JSON.stringify(["mock"]);
  }
}

/** A JSON sample for a struct field's declared type (`int`, `list[str]`, `str | None`…). */
function sampleForTypeName(type: string): unknown {
  const base = type.trim().split(/[[|\s]/)[0];
  switch (base) {
    case "int":
      return 42;
    case "float":
      return 3.14;
    case "bool":
      return true;
    case "list":
      return [];
    case "dict":
      return {};
    default:
      return "mock";
  }
}

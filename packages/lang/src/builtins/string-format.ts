/**
 * `str.format`: replacement fields `{}`, `{0}`, `{name}`, `{0[key]}`, `{p.field}`, conversions `!r`/`!s`, format
 * specs `{:>8.2f}` (nested `{:{width}}` too), and `{{`/`}}` escapes — with Python's error messages.
 */
import { DanaException } from "../errors.js";
import { getItem } from "../values/access.js";
import { formatValue } from "../values/format-spec.js";
import { operandTypeName, repr, str } from "../values/print.js";
import type { RuntimeServices } from "../values/services.js";
import { DanaDict, DanaStructInstance, type KeywordArguments, type Value } from "../values/types.js";

interface FormatState {
  readonly positional: readonly Value[];
  readonly keywords: KeywordArguments;
  readonly services: RuntimeServices;
  /** "auto" after `{}`, "manual" after `{0}`; Python forbids mixing them. */
  numbering: "auto" | "manual" | "unset";
  nextIndex: number;
}

export function formatString(
  template: string,
  positional: readonly Value[],
  keywords: KeywordArguments,
  services: RuntimeServices,
): string {
  const state: FormatState = { positional, keywords, services, numbering: "unset", nextIndex: 0 };
  return render(template, state, 0);
}

function render(template: string, state: FormatState, depth: number): string {
  if (depth > 1) throw new DanaException("ValueError", "Max string recursion exceeded");
  let result = "";
  let index = 0;
  while (index < template.length) {
    const character = template[index] as string;
    if (character === "}") {
      if (template[index + 1] === "}") {
        result += "}";
        index += 2;
        continue;
      }
      throw new DanaException("ValueError", "Single '}' encountered in format string");
    }
    if (character !== "{") {
      result += character;
      index++;
      continue;
    }
    if (template[index + 1] === "{") {
      result += "{";
      index += 2;
      continue;
    }
    // Find the matching brace, allowing nested fields inside the format spec.
    let nesting = 1;
    let end = index + 1;
    while (end < template.length && nesting > 0) {
      if (template[end] === "{") nesting++;
      else if (template[end] === "}") nesting--;
      if (nesting > 0) end++;
    }
    if (nesting > 0) throw new DanaException("ValueError", "expected '}' before end of string");
    result += renderField(template.slice(index + 1, end), state, depth);
    index = end + 1;
  }
  return result;
}

function renderField(field: string, state: FormatState, depth: number): string {
  // field = name [!conversion] [:spec]; the name part stops at the first '!' or ':' outside brackets.
  let nameEnd = 0;
  let inBracket = false;
  while (nameEnd < field.length) {
    const character = field[nameEnd];
    if (character === "[") inBracket = true;
    else if (character === "]") inBracket = false;
    else if (!inBracket && (character === "!" || character === ":")) break;
    nameEnd++;
  }
  const name = field.slice(0, nameEnd);
  let rest = field.slice(nameEnd);
  let conversion: string | undefined;
  if (rest.startsWith("!")) {
    conversion = rest[1];
    rest = rest.slice(2);
    if (conversion === undefined || (rest !== "" && !rest.startsWith(":"))) {
      throw new DanaException("ValueError", "expected ':' after conversion specifier");
    }
  }
  // The field's own value is looked up before the nested fields of its spec (auto-numbering order).
  let value = lookupField(name, state);
  const spec = rest.startsWith(":") ? render(rest.slice(1), state, depth + 1) : "";
  const limits = state.services.limits;
  if (conversion !== undefined) {
    if (conversion === "r" || conversion === "a") value = repr(value, limits);
    else if (conversion === "s") value = str(value, limits);
    else throw new DanaException("ValueError", `Unknown conversion specifier ${conversion}`);
  }
  return formatValue(value, spec, limits);
}

function lookupField(name: string, state: FormatState): Value {
  const match = /^([^.[]*)(.*)$/su.exec(name) as RegExpExecArray;
  const head = match[1] as string;
  let accessors = match[2] as string;
  let value: Value;
  if (head === "") {
    if (state.numbering === "manual") {
      throw new DanaException(
        "ValueError",
        "cannot switch from manual field specification to automatic field numbering",
      );
    }
    state.numbering = "auto";
    value = positionalField(state.nextIndex++, state);
  } else if (/^\d+$/.test(head)) {
    if (state.numbering === "auto") {
      throw new DanaException(
        "ValueError",
        "cannot switch from automatic field numbering to manual field specification",
      );
    }
    state.numbering = "manual";
    value = positionalField(Number(head), state);
  } else {
    const found = state.keywords.get(head);
    if (found === undefined) throw new DanaException("KeyError", repr(head));
    value = found;
  }
  while (accessors !== "") {
    const attribute = /^\.([^.[]+)/u.exec(accessors);
    if (attribute !== null) {
      value = readAttribute(value, attribute[1] as string);
      accessors = accessors.slice(attribute[0].length);
      continue;
    }
    const item = /^\[([^\]]+)\]/u.exec(accessors);
    if (item === null)
      throw new DanaException("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
    const key = item[1] as string;
    value = getItem(value, /^\d+$/.test(key) ? Number(key) : key);
    accessors = accessors.slice(item[0].length);
  }
  return value;
}

function positionalField(index: number, state: FormatState): Value {
  if (index >= state.positional.length) {
    throw new DanaException("IndexError", `Replacement index ${index} out of range for positional args tuple`);
  }
  return state.positional[index] as Value;
}

function readAttribute(value: Value, name: string): Value {
  if (value instanceof DanaStructInstance) {
    const index = value.type.fieldIndex.get(name);
    if (index !== undefined) return value.fields[index] ?? null;
  }
  if (value instanceof DanaDict) {
    const found = value.get(name);
    if (found !== undefined) return found;
  }
  throw new DanaException("AttributeError", `'${operandTypeName(value)}' object has no attribute '${name}'`);
}

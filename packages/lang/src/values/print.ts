/**
 * Python's repr() and str() for every Dana value, and the type names `type(x)` reports.
 */
import type { DanaBuiltinFunction } from "../builtins/builtin-function.js";
import { DanaException } from "../errors.js";
import { defaultLimits, type Limits } from "../host.js";
import type { DanaBigRange } from "./big-range.js";
import { floatRepr } from "./float-format.js";
import { intToString } from "./integers.js";
import { translateHostLimit } from "./memory.js";
import {
  DanaCallable,
  type DanaDict,
  type DanaDictView,
  DanaErrorValue,
  DanaFloat,
  type DanaHostFunction,
  type DanaInterfaceType,
  type DanaIterator,
  type DanaList,
  type DanaModule,
  type DanaNativeObject,
  type DanaRange,
  type DanaSet,
  DanaStructInstance,
  type DanaStructType,
  type DanaTuple,
  DanaTypeName,
  type Value,
} from "./types.js";

/** The name `type(x)` reports: "int", "Struct[Point]", "DanaFunction", … */
export function typeName(value: Value): string {
  switch (typeof value) {
    case "number":
    case "bigint":
      return "int";
    case "string":
      return "str";
    case "boolean":
      return "bool";
  }
  if (value === null) return "NoneType";
  if (value instanceof DanaFloat) return "float";
  switch (value.kind) {
    case "list":
    case "tuple":
    case "dict":
    case "set":
    case "range":
      return value.kind;
    case "struct":
      return `Struct[${(value as DanaStructInstance).type.name}]`;
    case "struct-type":
      return `Constructor[${(value as DanaStructType).name}]`;
    case "interface":
      return `Interface[${(value as DanaInterfaceType).name}]`;
    case "type-name":
      return "type";
    case "module":
      return "module";
    case "error":
      return (value as DanaErrorValue).exception.danaType;
    case "iterator":
      return (value as DanaIterator).typeName;
    case "dict-view":
      return `dict_${(value as DanaDictView).view}`;
    case "native":
      return (value as DanaNativeObject).typeName;
    case "builtin":
      return (value as DanaBuiltinFunction).boundTo === undefined ? "builtin_function" : "builtin_method";
    case "host-function":
      return "HostFunction";
  }
  return value instanceof DanaCallable ? "DanaFunction" : value.kind;
}

/**
 * The type name Python shows in error messages ("unsupported operand type(s) for -: 'str' and 'int'"):
 * like `typeName` but a struct instance is just its struct name.
 */
export function operandTypeName(value: Value): string {
  if (value instanceof DanaStructInstance) return value.type.name;
  return typeName(value);
}

const NO_LIMITS_INT_DIGITS = defaultLimits.maxIntDigits;

/** `str(x)`: strings as they are, everything else as repr. */
export function str(value: Value, limits?: Limits): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (value instanceof DanaErrorValue) return value.exception.message;
  if (value instanceof DanaTypeName) return value.name;
  return repr(value, limits);
}

/** `repr(x)` as Python prints it, including inside containers (`['a', 1.0, None]`). */
export function repr(value: Value, limits?: Limits): string {
  // Scalars need no recursion guard; print() of numbers and floats in loops stays allocation-free.
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return quoteString(value);
  if (value instanceof DanaFloat) return floatRepr(value.value);
  const printer = new Printer(limits?.maxIntDigits ?? NO_LIMITS_INT_DIGITS);
  try {
    return printer.repr(value);
  } catch (error) {
    // Deeply nested (not self-containing) containers exhaust the host stack; report it as Python would.
    if (error instanceof RangeError && error.message.includes("call stack")) {
      throw new DanaException("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
    }
    return translateHostLimit(error);
  }
}

class Printer {
  /** Containers being printed, to print a self-containing list as `[...]` like Python. */
  private readonly active = new Set<object>();

  constructor(private readonly maxIntDigits: number) {}

  repr(value: Value): string {
    switch (typeof value) {
      case "number":
        return String(value);
      case "bigint":
        return intToString(value, this.maxIntDigits);
      case "string":
        return quoteString(value);
      case "boolean":
        return value ? "True" : "False";
    }
    if (value === null) return "None";
    if (value instanceof DanaFloat) return floatRepr(value.value);
    switch (value.kind) {
      case "list":
        return this.nested(value, "[...]", () => `[${this.items((value as DanaList).items)}]`);
      case "tuple": {
        const items = (value as DanaTuple).items;
        if (items.length === 1) return `(${this.repr(items[0] as Value)},)`;
        return `(${this.items(items)})`;
      }
      case "dict":
        return this.nested(value, "{...}", () => this.dict(value as DanaDict));
      case "set": {
        const set = value as DanaSet;
        if (set.size === 0) return "set()";
        return this.nested(value, "{...}", () => `{${this.items(set.values())}}`);
      }
      case "range": {
        const range = value as DanaRange | DanaBigRange;
        const step = Number(range.step) === 1 ? "" : `, ${range.step}`;
        return `range(${range.start}, ${range.stop}${step})`;
      }
      case "struct":
        return this.nested(value, "...", () => this.struct(value as DanaStructInstance));
      case "struct-type":
        return `<struct '${(value as DanaStructType).name}'>`;
      case "interface":
        return `<interface '${(value as DanaInterfaceType).name}'>`;
      case "type-name":
        return (value as DanaTypeName).name;
      case "module": {
        const module = value as DanaModule;
        return `<module '${module.name}' from '${module.file}'>`;
      }
      case "error": {
        const exception = (value as DanaErrorValue).exception;
        return `${exception.danaType}(${quoteString(exception.message)})`;
      }
      case "iterator":
        return `<${(value as DanaIterator).typeName} object>`;
      case "dict-view":
        return this.nested(value, "...", () => this.dictView(value as DanaDictView));
      case "native":
        return (value as DanaNativeObject).repr();
      case "builtin": {
        const builtin = value as DanaBuiltinFunction;
        if (builtin.boundTo === undefined) return `<built-in function ${builtin.name}>`;
        const method = builtin.name.slice(builtin.name.lastIndexOf(".") + 1);
        return `<built-in method ${method} of ${operandTypeName(builtin.boundTo)} object>`;
      }
      case "host-function":
        return `<host function ${(value as DanaHostFunction).name}>`;
    }
    if (value instanceof DanaCallable) return `<function ${value.name}>`;
    return `<${value.kind} object>`;
  }

  private nested(container: object, placeholder: string, print: () => string): string {
    if (this.active.has(container)) return placeholder;
    this.active.add(container);
    try {
      return print();
    } finally {
      this.active.delete(container);
    }
  }

  private items(values: Iterable<Value>): string {
    const parts: string[] = [];
    for (const item of values) parts.push(this.repr(item));
    return parts.join(", ");
  }

  private dict(dict: DanaDict): string {
    const parts: string[] = [];
    for (const [key, item] of dict.entries()) parts.push(`${this.repr(key)}: ${this.repr(item)}`);
    return `{${parts.join(", ")}}`;
  }

  private struct(instance: DanaStructInstance): string {
    const parts = instance.type.fields.map(
      (field, index) => `${field.name}=${this.repr(instance.fields[index] ?? null)}`,
    );
    return `${instance.type.name}(${parts.join(", ")})`;
  }

  private dictView(view: DanaDictView): string {
    const dict = view.dict;
    if (view.view === "keys") return `dict_keys([${this.items(dict.keys())}])`;
    if (view.view === "values") return `dict_values([${this.items(dict.values())}])`;
    const parts: string[] = [];
    for (const [key, item] of dict.entries()) parts.push(`(${this.repr(key)}, ${this.repr(item)})`);
    return `dict_items([${parts.join(", ")}])`;
  }
}

/** Characters Python's repr escapes: controls, separators and other non-printables (str.isprintable). */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
// Zs without the plain space, listed because the `v`-flag set difference needs ES2024.
const NEEDS_ESCAPE = /[\\'"\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

/** Python's string repr: single quotes unless the text has ' and no ", escapes as Python writes them. */
export function quoteString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`;
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let result = quote;
  for (const character of text) {
    switch (character) {
      case "\\":
        result += "\\\\";
        continue;
      case "\n":
        result += "\\n";
        continue;
      case "\r":
        result += "\\r";
        continue;
      case "\t":
        result += "\\t";
        continue;
      case " ":
        result += " ";
        continue;
    }
    if (character === quote) {
      result += `\\${quote}`;
    } else if (NON_PRINTABLE.test(character)) {
      const code = character.codePointAt(0) ?? 0;
      if (code < 0x100) result += `\\x${code.toString(16).padStart(2, "0")}`;
      else if (code < 0x10000) result += `\\u${code.toString(16).padStart(4, "0")}`;
      else result += `\\U${code.toString(16).padStart(8, "0")}`;
    } else {
      result += character;
    }
  }
  return result + quote;
}

/**
 * printf-style string formatting, `"%d items, %.2f each" % (n, price)`, with Python's conversions and errors.
 */
import { DanaException } from "../errors.js";
import type { Limits } from "../host.js";
import { checkFormatSize, type FormatOptions, formatFloat, formatInt, formatText } from "./format-spec.js";
import { floatToInt, type IntValue } from "./integers.js";
import { operandTypeName, repr, str } from "./print.js";
import { DanaDict, DanaFloat, DanaTuple, type Value } from "./types.js";

const DIRECTIVE = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?/gu;

export function percentFormat(format: string, argument: Value, limits: Limits): string {
  const positional = argument instanceof DanaTuple ? argument.items : [argument];
  const mapping = argument instanceof DanaDict ? argument : undefined;
  let next = 0;
  let usedMapping = false;
  const take = (): Value => {
    if (next >= positional.length) throw new DanaException("TypeError", "not enough arguments for format string");
    return positional[next++] as Value;
  };
  let result = "";
  let last = 0;
  for (const match of format.matchAll(DIRECTIVE)) {
    const index = match.index ?? 0;
    result += format.slice(last, index);
    last = index + match[0].length;
    const [, key, flags = "", width, precision, type] = match;
    if (type === undefined) throw new DanaException("ValueError", "incomplete format");
    if (type === "%" && match[0] === "%%") {
      result += "%";
      continue;
    }
    const options: FormatOptions = {
      fill: " ",
      align: flags.includes("-") ? "<" : "",
      sign: flags.includes("+") ? "+" : flags.includes(" ") ? " " : "",
      alternate: flags.includes("#"),
      width: 0,
      grouping: "",
      precision: undefined,
      type,
    };
    if (width === "*") options.width = Number(asInt(take(), "*"));
    else if (width !== undefined) options.width = Number(width);
    if (options.width < 0) {
      options.align = "<";
      options.width = -options.width;
    }
    if (precision === "*") options.precision = Number(asInt(take(), "*"));
    else if (precision !== undefined) options.precision = precision === "" ? 0 : Number(precision);
    if (flags.includes("0") && options.align === "") {
      options.fill = "0";
      options.align = "=";
    }
    checkFormatSize(options, limits);
    let value: Value;
    if (key !== undefined) {
      if (mapping === undefined) throw new DanaException("TypeError", "format requires a mapping");
      usedMapping = true;
      const found = mapping.get(key);
      if (found === undefined) throw new DanaException("KeyError", repr(key));
      value = found;
    } else {
      value = take();
    }
    result += convert(value, options, limits, index, format);
  }
  result += format.slice(last);
  if (next < positional.length && !usedMapping && !(mapping !== undefined && next === 0)) {
    throw new DanaException("TypeError", "not all arguments converted during string formatting");
  }
  return result;
}

function convert(value: Value, options: FormatOptions, limits: Limits, index: number, format: string): string {
  const type = options.type;
  switch (type) {
    case "s":
    case "r":
    case "a": {
      const text = type === "s" ? str(value, limits) : repr(value, limits);
      return formatText(text, { ...options, type: "", fill: " ", align: options.align === "<" ? "<" : ">", sign: "" });
    }
    case "d":
    case "i":
    case "u":
      return formatInt(asInt(value, type), { ...options, type: "d", precision: undefined }, limits);
    case "x":
    case "X":
    case "o": {
      if (typeof value !== "number" && typeof value !== "bigint" && typeof value !== "boolean") {
        throw new DanaException("TypeError", `%${type} format: an integer is required, not ${operandTypeName(value)}`);
      }
      return formatInt(asInt(value, type), { ...options, precision: undefined }, limits);
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
      return formatFloat(asFloat(value), options);
    case "c":
      if (typeof value === "string") {
        if (Array.from(value).length !== 1) throw new DanaException("TypeError", "%c requires int or char");
        return formatText(value, { ...options, type: "", sign: "" });
      }
      return formatInt(asInt(value, "c"), options, limits);
    case "%":
      return "%";
  }
  const code = type.codePointAt(0) ?? 0;
  throw new DanaException(
    "ValueError",
    `unsupported format character '${type}' (0x${code.toString(16)}) at index ${index + format.slice(index).indexOf(type)}`,
  );
}

function asInt(value: Value, type: string): IntValue {
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof DanaFloat) return floatToInt(value.value);
  throw new DanaException("TypeError", `%${type} format: a real number is required, not ${operandTypeName(value)}`);
}

function asFloat(value: Value): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof DanaFloat) return value.value;
  throw new DanaException("TypeError", `must be real number, not ${operandTypeName(value)}`);
}

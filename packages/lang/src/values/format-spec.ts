/**
 * Python's format-spec mini-language (`"{:>8.2f}".format(x)`), shared with `%` formatting:
 * [[fill]align][sign][#][0][width][grouping][.precision][type].
 */
import { DanaException } from "../errors.js";
import type { Limits } from "../host.js";
import { codePointLength } from "./code-points.js";
import { floatRepr, formatExponent, formatFixed, formatGeneral } from "./float-format.js";
import { type IntValue, intToFloat, intToString, toBigInt } from "./integers.js";
import { checkStringLength } from "./memory.js";
import { operandTypeName, str } from "./print.js";
import { DanaFloat, type Value } from "./types.js";

export interface FormatOptions {
  fill: string;
  align: "<" | ">" | "=" | "^" | "";
  sign: "+" | "-" | " " | "";
  alternate: boolean;
  width: number;
  grouping: "," | "_" | "";
  precision: number | undefined;
  type: string;
}

const SPEC_PATTERN = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su;

export function parseFormatSpec(spec: string): FormatOptions {
  const match = SPEC_PATTERN.exec(spec);
  if (match === null) throw new DanaException("ValueError", "Invalid format specifier");
  const [, fill, align, sign, alternate, zero, width, grouping, precision, type] = match;
  const options: FormatOptions = {
    fill: fill ?? " ",
    align: (align as FormatOptions["align"] | undefined) ?? "",
    sign: (sign as FormatOptions["sign"] | undefined) ?? "",
    alternate: alternate !== undefined,
    width: width === undefined ? 0 : Number(width),
    grouping: (grouping as FormatOptions["grouping"] | undefined) ?? "",
    precision: precision === undefined ? undefined : Number(precision),
    type: type ?? "",
  };
  if (zero !== undefined && align === undefined) {
    options.fill = "0";
    options.align = "=";
  }
  return options;
}

/** `format(value, spec)` for the builtin value types. */
export function formatValue(value: Value, spec: string, limits: Limits): string {
  if (spec === "") return str(value, limits);
  const options = parseFormatSpec(spec);
  checkFormatSize(options, limits);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return formatInt(typeof value === "boolean" ? (value ? 1 : 0) : value, options, limits);
  }
  if (value instanceof DanaFloat) return formatFloat(value.value, options);
  if (typeof value === "string") return formatText(value, options);
  throw new DanaException("TypeError", `unsupported format string passed to ${operandTypeName(value)}.__format__`);
}

/** Refuses widths beyond the memory budget and precisions CPython would also refuse to build. */
export function checkFormatSize(options: FormatOptions, limits: Limits): void {
  checkStringLength(options.width, limits);
  if (options.precision !== undefined && options.precision > MAX_PRECISION) {
    throw new DanaException("ValueError", "precision too big");
  }
}

/** Far beyond any meaningful float digit, small enough that the exact decimal expansion stays fast. */
const MAX_PRECISION = 100_000;

export function formatText(text: string, options: FormatOptions): string {
  if (options.type !== "" && options.type !== "s") throw unknownCode(options.type, "str");
  if (options.sign !== "") throw new DanaException("ValueError", "Sign not allowed in string format specifier");
  if (options.align === "=")
    throw new DanaException("ValueError", "'=' alignment not allowed in string format specifier");
  let body = text;
  if (options.precision !== undefined) body = Array.from(text).slice(0, options.precision).join("");
  return pad(body, "", options, "<");
}

export function formatInt(value: IntValue, options: FormatOptions, limits: Limits): string {
  const type = options.type;
  if ("eEfFgG%".includes(type) && type !== "") return formatFloat(intToFloat(value), options);
  if (options.precision !== undefined)
    throw new DanaException("ValueError", "Precision not allowed in integer format specifier");
  const negative = value < 0;
  const magnitude = negative ? -toBigInt(value) : toBigInt(value);
  let digits: string;
  let prefix = "";
  switch (type) {
    case "":
    case "d":
    case "n":
      digits = intToString(magnitude, limits.maxIntDigits);
      break;
    case "b":
      digits = magnitude.toString(2);
      prefix = "0b";
      break;
    case "o":
      digits = magnitude.toString(8);
      prefix = "0o";
      break;
    case "x":
      digits = magnitude.toString(16);
      prefix = "0x";
      break;
    case "X":
      digits = magnitude.toString(16).toUpperCase();
      prefix = "0X";
      break;
    case "c":
      if (magnitude > 0x10ffffn || negative) throw new DanaException("OverflowError", "%c arg not in range(0x110000)");
      return pad(String.fromCodePoint(Number(magnitude)), "", options, ">");
    default:
      throw unknownCode(type, "int");
  }
  if (options.grouping !== "") digits = group(digits, options.grouping, type === "" || type === "d" ? 3 : 4);
  return pad(digits, signText(negative, options) + (options.alternate ? prefix : ""), options, ">");
}

export function formatFloat(value: number, options: FormatOptions): string {
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  const precision = options.precision;
  let body: string;
  let suffix = "";
  switch (options.type) {
    case "f":
    case "F":
      body = formatFixed(magnitude, precision ?? 6);
      if (options.alternate && !body.includes(".")) body += ".";
      break;
    case "e":
    case "E":
      body = formatExponent(magnitude, precision ?? 6, options.alternate);
      break;
    case "g":
    case "G":
    case "n":
      body = formatGeneral(magnitude, precision ?? 6, options.alternate);
      break;
    case "%":
      body = formatFixed(magnitude * 100, precision ?? 6);
      suffix = "%";
      break;
    case "":
      body =
        precision === undefined ? floatRepr(magnitude) : formatGeneral(magnitude, precision, options.alternate, true);
      break;
    default:
      throw unknownCode(options.type, "float");
  }
  if (options.type === "F" || options.type === "E" || options.type === "G") body = body.toUpperCase();
  if (options.grouping !== "") {
    const point = body.search(/[.eE%]/);
    const integral = point === -1 ? body : body.slice(0, point);
    if (/^\d+$/.test(integral)) body = group(integral, options.grouping, 3) + (point === -1 ? "" : body.slice(point));
  }
  return pad(body + suffix, signText(negative && !Number.isNaN(value), options), options, ">");
}

function signText(negative: boolean, options: FormatOptions): string {
  if (negative) return "-";
  if (options.sign === "+") return "+";
  if (options.sign === " ") return " ";
  return "";
}

function group(digits: string, separator: string, size: number): string {
  let result = "";
  for (let end = digits.length; end > 0; end -= size) {
    const start = Math.max(0, end - size);
    result = digits.slice(start, end) + (result === "" ? "" : separator + result);
  }
  return result;
}

/** Pads `sign + body` to the width; `=` puts the padding between the sign (and prefix) and the digits. */
function pad(body: string, sign: string, options: FormatOptions, defaultAlign: "<" | ">"): string {
  const length = codePointLength(body) + sign.length;
  const missing = options.width - length;
  if (missing <= 0) return sign + body;
  const fill = options.fill;
  switch (options.align || defaultAlign) {
    case "<":
      return sign + body + fill.repeat(missing);
    case ">":
      return fill.repeat(missing) + sign + body;
    case "=":
      return sign + fill.repeat(missing) + body;
    default: {
      const left = Math.floor(missing / 2);
      return fill.repeat(left) + sign + body + fill.repeat(missing - left);
    }
  }
}

function unknownCode(type: string, valueType: string): DanaException {
  return new DanaException("ValueError", `Unknown format code '${type}' for object of type '${valueType}'`);
}

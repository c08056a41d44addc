/**
 * Binary and unary arithmetic: `+ - * / // % **` over int (number/bigint), float, bool, and sequences, with
 * Dana's `+` coercion (`"n=" + 1.5` → "n=1.5", bools as "true"/"false"). Hot paths (int with int, str with str)
 * come first and allocate nothing but the result.
 */
import { DanaException } from "../errors.js";
import type { Limits } from "../host.js";
import type { ArithmeticOperator } from "../syntax/ast.js";
import { toArray } from "./access.js";
import { floatFloorDivide, floatModulo, floatPower, floatTrueDivide } from "./float-arithmetic.js";
import {
  addInt,
  floorDivideInt,
  type IntValue,
  intToFloat,
  moduloInt,
  multiplyInt,
  negateInt,
  powerInt,
  subtractInt,
  trueDivideInt,
} from "./integers.js";
import { checkMemory, checkStringLength, MAX_ARRAY_LENGTH } from "./memory.js";
import { percentFormat } from "./percent-format.js";
import { operandTypeName, str } from "./print.js";
import { DanaFloat, DanaList, DanaSet, DanaTuple, type Value } from "./types.js";

export type { ArithmeticOperator };

/** Approximate bytes per list element (one pointer), for the memory budget. */
const BYTES_PER_ELEMENT = 8;

export function binaryOperation(operator: ArithmeticOperator, left: Value, right: Value, limits: Limits): Value {
  if (typeof left === "number" && typeof right === "number") return intOperation(operator, left, right, limits);
  if (operator === "+" && typeof left === "string" && typeof right === "string") {
    return concatenateStrings(left, right, limits);
  }
  return generalOperation(operator, left, right, limits, true);
}

/** `+= -= *= /=`: no string coercion; `list += iterable` and `list *= n` mutate the list in place (Python). */
export function augmentedOperation(operator: "+" | "-" | "*" | "/", left: Value, right: Value, limits: Limits): Value {
  if (typeof left === "number" && typeof right === "number") return intOperation(operator, left, right, limits);
  if (operator === "+" && typeof left === "string" && typeof right === "string") {
    return concatenateStrings(left, right, limits);
  }
  if (left instanceof DanaList) {
    if (operator === "+") {
      const items = left.items;
      if (right instanceof DanaList) {
        checkMemory((items.length + right.items.length) * BYTES_PER_ELEMENT, limits);
        const added = right.items;
        const count = added.length; // `xs += xs` must add the original items once
        for (let index = 0; index < count; index++) items.push(added[index] as Value);
      } else {
        const added = toArray(right, { limits }); // collected first: `xs += reversed(xs)` reads before it grows
        checkMemory((items.length + added.length) * BYTES_PER_ELEMENT, limits);
        for (const item of added) items.push(item);
      }
      return left;
    }
    if (operator === "*") {
      const count = repeatCount(right);
      if (count === undefined) throw cannotMultiply(right);
      left.items = repeatItems(left.items, count, limits);
      return left;
    }
  }
  return generalOperation(operator, left, right, limits, false);
}

export function unaryOperation(operator: "-" | "+", operand: Value): Value {
  if (typeof operand === "number") return operator === "-" ? (operand === 0 ? 0 : -operand) : operand;
  if (typeof operand === "bigint") return operator === "-" ? negateInt(operand) : operand;
  if (typeof operand === "boolean") return operator === "-" ? (operand ? -1 : 0) : operand ? 1 : 0;
  if (operand instanceof DanaFloat) return operator === "-" ? new DanaFloat(-operand.value) : operand;
  throw new DanaException("TypeError", `bad operand type for unary ${operator}: '${operandTypeName(operand)}'`);
}

function concatenateStrings(left: string, right: string, limits: Limits): string {
  const length = left.length + right.length;
  checkStringLength(length, limits);
  return left + right;
}

function intOperation(operator: ArithmeticOperator, left: IntValue, right: IntValue, limits: Limits): Value {
  switch (operator) {
    case "+":
      return addInt(left, right);
    case "-":
      return subtractInt(left, right);
    case "*":
      return multiplyInt(left, right, limits);
    case "/":
      return new DanaFloat(trueDivideInt(left, right));
    case "//":
      return floorDivideInt(left, right);
    case "%":
      return moduloInt(left, right);
    case "**":
      if (right < 0) return new DanaFloat(floatPower(intToFloat(left), intToFloat(right)));
      return powerInt(left, right, limits);
  }
}

function floatOperation(operator: ArithmeticOperator, left: number, right: number): DanaFloat {
  switch (operator) {
    case "+":
      return new DanaFloat(left + right);
    case "-":
      return new DanaFloat(left - right);
    case "*":
      return new DanaFloat(left * right);
    case "/":
      return new DanaFloat(floatTrueDivide(left, right));
    case "//":
      return new DanaFloat(floatFloorDivide(left, right));
    case "%":
      return new DanaFloat(floatModulo(left, right));
    case "**":
      return new DanaFloat(floatPower(left, right));
  }
}

/** An int (bools count as ints) or a float box; undefined for everything else. */
function numericOperand(value: Value): IntValue | DanaFloat | undefined {
  switch (typeof value) {
    case "number":
    case "bigint":
      return value;
    case "boolean":
      return value ? 1 : 0;
  }
  return value instanceof DanaFloat ? value : undefined;
}

function generalOperation(
  operator: ArithmeticOperator,
  left: Value,
  right: Value,
  limits: Limits,
  coerceStrings: boolean,
): Value {
  const leftNumber = numericOperand(left);
  const rightNumber = numericOperand(right);
  if (leftNumber !== undefined && rightNumber !== undefined) {
    if (leftNumber instanceof DanaFloat || rightNumber instanceof DanaFloat) {
      const x = leftNumber instanceof DanaFloat ? leftNumber.value : intToFloat(leftNumber);
      const y = rightNumber instanceof DanaFloat ? rightNumber.value : intToFloat(rightNumber);
      return floatOperation(operator, x, y);
    }
    return intOperation(operator, leftNumber, rightNumber, limits);
  }
  switch (operator) {
    case "+":
      return add(left, right, limits, coerceStrings, leftNumber !== undefined, rightNumber !== undefined);
    case "*":
      return multiplySequence(left, right, limits);
    case "%":
      if (typeof left === "string") return percentFormat(left, right, limits);
      break;
    case "-":
      if (left instanceof DanaSet && right instanceof DanaSet) {
        const result = new DanaSet();
        for (const member of left) if (!right.has(member)) result.add(member);
        return result;
      }
      break;
  }
  throw unsupported(operator, left, right);
}

function add(
  left: Value,
  right: Value,
  limits: Limits,
  coerceStrings: boolean,
  leftIsNumber: boolean,
  rightIsNumber: boolean,
): Value {
  if (typeof left === "string") {
    if (typeof right === "string") return concatenateStrings(left, right, limits);
    if (coerceStrings && rightIsNumber) return concatenateStrings(left, coercedText(right, limits), limits);
    throw new DanaException("TypeError", `can only concatenate str (not "${operandTypeName(right)}") to str`);
  }
  if (typeof right === "string" && coerceStrings && leftIsNumber) {
    return concatenateStrings(coercedText(left, limits), right, limits);
  }
  if (left instanceof DanaList) {
    if (!(right instanceof DanaList)) {
      throw new DanaException("TypeError", `can only concatenate list (not "${operandTypeName(right)}") to list`);
    }
    checkMemory((left.items.length + right.items.length) * BYTES_PER_ELEMENT, limits);
    return new DanaList(left.items.concat(right.items));
  }
  if (left instanceof DanaTuple) {
    if (!(right instanceof DanaTuple)) {
      throw new DanaException("TypeError", `can only concatenate tuple (not "${operandTypeName(right)}") to tuple`);
    }
    checkMemory((left.items.length + right.items.length) * BYTES_PER_ELEMENT, limits);
    return new DanaTuple(left.items.concat(right.items));
  }
  throw unsupported("+", left, right);
}

/** How `+` writes a number or bool next to a string: bools lowercase (Dana), numbers as str(). */
function coercedText(value: Value, limits: Limits): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  return str(value, limits);
}

/** The repeat count of `seq * n` (bools count); undefined when `n` is not an int. */
function repeatCount(value: Value): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") {
    if (value >= 2n ** 63n || value < -(2n ** 63n)) {
      throw new DanaException("OverflowError", "cannot fit 'int' into an index-sized integer");
    }
    return value < 0n ? 0 : Number.POSITIVE_INFINITY;
  }
  return undefined;
}

function multiplySequence(left: Value, right: Value, limits: Limits): Value {
  let sequence: Value;
  let countValue: Value;
  if (isSequence(left)) {
    sequence = left;
    countValue = right;
  } else if (isSequence(right)) {
    sequence = right;
    countValue = left;
  } else {
    throw unsupported("*", left, right);
  }
  const count = repeatCount(countValue);
  if (count === undefined) throw cannotMultiply(countValue);
  if (typeof sequence === "string") {
    if (count <= 0 || sequence.length === 0) return "";
    const length = sequence.length * count;
    checkStringLength(length, limits);
    return sequence.repeat(count);
  }
  if (sequence instanceof DanaList) return new DanaList(repeatItems(sequence.items, count, limits));
  return new DanaTuple(repeatItems((sequence as DanaTuple).items, count, limits));
}

function isSequence(value: Value): boolean {
  return typeof value === "string" || value instanceof DanaList || value instanceof DanaTuple;
}

function repeatItems(items: readonly Value[], count: number, limits: Limits): Value[] {
  if (count <= 0 || items.length === 0) return [];
  const length = items.length * count;
  checkMemory(length > MAX_ARRAY_LENGTH ? Number.POSITIVE_INFINITY : length * BYTES_PER_ELEMENT, limits);
  const result: Value[] = new Array(items.length * count);
  let position = 0;
  for (let round = 0; round < count; round++) {
    for (let index = 0; index < items.length; index++) result[position++] = items[index] as Value;
  }
  return result;
}

function cannotMultiply(count: Value): DanaException {
  return new DanaException("TypeError", `can't multiply sequence by non-int of type '${operandTypeName(count)}'`);
}

function unsupported(operator: ArithmeticOperator, left: Value, right: Value): DanaException {
  const shown = operator === "**" ? "** or pow()" : operator;
  return new DanaException(
    "TypeError",
    `unsupported operand type(s) for ${shown}: '${operandTypeName(left)}' and '${operandTypeName(right)}'`,
  );
}

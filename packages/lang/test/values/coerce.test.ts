import { describe, expect, it } from "vitest";
import type { TypeExpression } from "../../src/syntax/ast.js";
import { coerceForAssignment, structFromDict, validateFieldValue } from "../../src/values/coerce.js";
import { repr } from "../../src/values/print.js";
import {
  DanaDict,
  DanaFloat,
  DanaList,
  DanaStructInstance,
  DanaStructType,
  DanaTuple,
  type Value,
} from "../../src/values/types.js";
import { fakeServices } from "./helpers.js";

const span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
const type = (name: string, ...typeArguments: TypeExpression[]): TypeExpression => ({
  kind: "TypeName",
  name,
  arguments: typeArguments,
  span,
});
const union = (...options: TypeExpression[]): TypeExpression => ({ kind: "TypeUnion", options, span });

const services = fakeServices();
const point = new DanaStructType(
  "Point",
  [
    { name: "x", type: type("float"), default: undefined, description: null },
    { name: "y", type: type("int"), default: 0, description: null },
    { name: "tags", type: type("list", type("str")), default: new DanaList([]), description: null },
  ],
  null,
  null,
);
const line = new DanaStructType(
  "Line",
  [
    { name: "start", type: type("Point"), default: undefined, description: null },
    { name: "label", type: union(type("str"), type("None")), default: null, description: null },
  ],
  null,
  null,
);
services.structs.set("Point", point);
services.structs.set("Line", line);

const coerce = (value: Value, target: TypeExpression) => repr(coerceForAssignment(value, target, "x", services));

describe("typed assignment coercion (spec 1.13)", () => {
  it.each([
    [null, type("int"), "None"],
    [42, type("int"), "42"],
    ["42", type("int"), "42"],
    [" -7 ", type("int"), "-7"],
    [new DanaFloat(3.9), type("int"), "3"],
    [true, type("int"), "1"],
    [3, type("float"), "3.0"],
    ["2.5", type("float"), "2.5"],
    [new DanaFloat(1), type("float"), "1.0"],
    [true, type("str"), "'true'"],
    [new DanaFloat(1.5), type("str"), "'1.5'"],
    [new DanaList([1]), type("str"), "'[1]'"],
    ["no", type("bool"), "False"],
    ["yes", type("bool"), "True"],
    [0, type("bool"), "False"],
    [new DanaFloat(0.1), type("bool"), "True"],
    ['[1, "a"]', type("list"), "[1, 'a']"],
    ['{"k": 1.5}', type("dict"), "{'k': 1.5}"],
    [new DanaTuple([1]), type("tuple"), "(1,)"],
    ["anything", type("any"), "'anything'"],
    ["kept", type("UnknownType"), "'kept'"],
    ["42", union(type("int"), type("str")), "'42'"],
    ["42", union(type("int"), type("None")), "42"],
    [new DanaFloat(2.5), union(type("int"), type("float")), "2.5"],
    ['{"x": 1}', type("Point"), "Point(x=1.0, y=0, tags=[])"],
  ] as [Value, TypeExpression, string][])("%j as %o", (value, target, expected) => {
    expect(coerce(value, target)).toBe(expected);
  });

  it.each([
    ["abc", type("int")],
    ["3.5", type("int")],
    ["abc", type("float")],
    [new DanaList([]), type("bool")],
    ["[1", type("list")],
    ['{"a": 1}', type("list")],
    [new DanaList([1]), type("tuple")],
    [new DanaDict(), type("set")],
    [1, type("None")],
    ["x", type("Point")],
  ] as [Value, TypeExpression][])("rejects %j as %o", (value, target) => {
    expect(() => coerceForAssignment(value, target, "x", services)).toThrow(
      /^Assignment to 'x' failed: cannot coerce /,
    );
  });

  it("converts dicts to structs, nested", () => {
    const start = new DanaDict();
    start.set("x", 1);
    start.set("y", 2);
    const value = new DanaDict();
    value.set("start", start);
    expect(coerce(value, type("Line"))).toBe("Line(start=Point(x=1.0, y=2, tags=[]), label=None)");
  });
});

describe("struct field validation (spec 1.8)", () => {
  it("accepts matching values and converts int to float", () => {
    expect(repr(validateFieldValue(point, "x", 1, services))).toBe("1.0");
    expect(validateFieldValue(point, "y", 2, services)).toBe(2);
    expect(validateFieldValue(point, "y", null, services)).toBe(null);
    expect(repr(validateFieldValue(point, "tags", new DanaList(["a"]), services))).toBe("['a']");
  });

  it("rejects mismatches that typed assignment would coerce", () => {
    expect(() => validateFieldValue(point, "y", "3", services)).toThrow("Field 'y' of Point expects int, got str '3'");
    expect(() => validateFieldValue(point, "x", "1.5", services)).toThrow(/expects float/);
    expect(() => validateFieldValue(point, "y", new DanaFloat(1), services)).toThrow(/expects int/);
    expect(() => validateFieldValue(point, "tags", "a", services)).toThrow(/expects list\[str\]/);
    expect(() => validateFieldValue(point, "nope", 1, services)).toThrow("'Point' has no field 'nope'");
  });

  it("accepts nested struct instances and dicts for struct fields, and unions", () => {
    const instance = new DanaStructInstance(point, [new DanaFloat(1), 0, new DanaList([])]);
    expect(validateFieldValue(line, "start", instance, services)).toBe(instance);
    const dict = new DanaDict();
    dict.set("x", new DanaFloat(2));
    expect(repr(validateFieldValue(line, "start", dict, services))).toBe("Point(x=2.0, y=0, tags=[])");
    expect(validateFieldValue(line, "label", "l", services)).toBe("l");
    expect(() => validateFieldValue(line, "label", 5, services)).toThrow(/expects str \| None/);
  });
});

describe("structFromDict", () => {
  it("reports missing and unknown fields and copies mutable defaults", () => {
    expect(() => structFromDict(point, new DanaDict(), services)).toThrow("Missing required fields for Point: x");
    const extra = new DanaDict();
    extra.set("x", 1);
    extra.set("z", 1);
    expect(() => structFromDict(point, extra, services)).toThrow("Point has no field 'z'");
    const minimal = new DanaDict();
    minimal.set("x", 1);
    const first = structFromDict(point, minimal, services);
    const second = structFromDict(point, minimal, services);
    expect(first.fields[2]).not.toBe(second.fields[2]);
  });
});

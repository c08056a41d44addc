import { describe, expect, it } from "vitest";
import { failure, lines } from "./helpers.js";

describe("host object names are inert", () => {
  it("treats __proto__, constructor and prototype as ordinary dict keys and unknown attributes", async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    expect(
      await lines(`
        d = {"__proto__": 1, "constructor": 2, "prototype": 3}
        d["__proto__"] = 10
        print(d, len(d))
        print(d.constructor, d.__proto__)
        private:__proto__ = "p"
        __proto__ = "local"
        constructor = 5
        print(__proto__, constructor, private:__proto__)
      `),
    ).toEqual(["{'__proto__': 10, 'constructor': 2, 'prototype': 3} 3", "2 10", "local 5 p"]);
    for (const name of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"]) {
      const source = `struct S:\n    x: int\ns = S(x=1)\ns.${name}\n`;
      expect((await failure(source)).danaType, source).toBe("AttributeError");
      expect((await failure(`struct S:\n    x: int\ns = S(x=1)\ns.${name} = 1\n`)).danaType).toBe("AttributeError");
      expect((await failure(`import_free = 1\nimport_free.${name}()\n`)).danaType).toBe("AttributeError");
    }
    for (const source of ["x = 1\nx.constructor\n", 'x = "s"\nx.__proto__\n', "[].prototype\n", "len.constructor\n"]) {
      expect((await failure(source)).danaType, source).toBe("AttributeError");
    }
    for (const source of ["x = 1\nx.constructor()\n", "{}.toString()\n", "[].__proto__()\n"]) {
      expect((await failure(source)).danaType, source).toBe("AttributeError");
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

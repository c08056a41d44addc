import { describe, expect, it } from "vitest";
import { lines } from "./helpers.js";

describe("scoping (decision 2: lexical)", () => {
  it("a function does not see its caller's locals", async () => {
    const output = await lines(`
      def reader():
          return secret
      def caller():
          secret = 42
          return reader()
      print(caller())
    `);
    expect(output).toEqual(["None"]);
  });

  it("a function sees the module's top-level names, also those assigned after it was defined", async () => {
    expect(
      await lines(`
        def show():
            return limit * 2
        limit = 21
        print(show())
      `),
    ).toEqual(["42"]);
  });

  it("assignments inside a function stay local", async () => {
    expect(
      await lines(`
        counter = 1
        def bump():
            counter = counter + 1
            return counter
        print(bump())
        print(counter)
      `),
    ).toEqual(["2", "1"]);
  });

  it("nested defs and lambdas close over the enclosing function, with late binding", async () => {
    expect(
      await lines(`
        def make_counter():
            count = 0
            def step():
                return count + 1
            count = 10
            return step
        print(make_counter()())
        def adders():
            return [(lambda x :: x + n) for n in range(3)]
        fs = adders()
        print(fs[0](5))
        def outer():
            a = 1
            def middle():
                def inner():
                    return a + 100
                return inner()
            return middle()
        print(outer())
      `),
    ).toEqual(["11", "7", "101"]);
  });

  it("comprehension variables leak and loop variables keep their last value", async () => {
    expect(
      await lines(`
        x = 42
        squares = [x * x for x in range(3)]
        print(x)
        for i in range(5):
            pass
        print(i)
        def f():
            ys = [y for y in [7, 8]]
            return y
        print(f())
      `),
    ).toEqual(["2", "4", "8"]);
  });

  it("undefined names read as None; calling one is a NameError", async () => {
    expect(await lines(`print(nope)`)).toEqual(["None"]);
    expect(
      await lines(`
        try:
            nope()
        except NameError as e:
            print(e.message)
      `),
    ).toEqual(["name 'nope' is not defined"]);
  });

  it("private/public/system are interpreter-wide and scoped reads fall back", async () => {
    expect(
      await lines(`
        def remember():
            private:seen = "yes"
            public:shared = 1
        remember()
        print(private:seen)
        print(seen)
        print(local:shared)
        system:mode = "fast"
        print(private:mode)
      `),
    ).toEqual(["yes", "yes", "1", "fast"]);
  });

  it("local: is the current function's local", async () => {
    expect(
      await lines(`
        x = "module"
        def f():
            local:x = "function"
            return x
        print(f())
        print(x)
      `),
    ).toEqual(["function", "module"]);
  });

  it("top-level names persist across evaluations (REPL) and inputs are bound as data", async () => {
    const { createInterpreter } = await import("./helpers.js");
    const { interpreter, stdout } = createInterpreter();
    await interpreter.evaluate("def double(v):\n    return v * 2\n");
    const { value } = await interpreter.evaluate("double(n)\n", { inputs: { n: 21 } });
    expect(value).toBe(42);
    expect(interpreter.getGlobal("n")).toBe(21);
    expect(interpreter.getGlobal("missing")).toBeUndefined();
    await interpreter.evaluate('print("""a""" + prompt)\n', { inputs: { prompt: '"""; print("injected")' } });
    expect(stdout()).toBe('a"""; print("injected")\n');
  });
});

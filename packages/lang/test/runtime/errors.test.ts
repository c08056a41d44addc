import { describe, expect, it } from "vitest";
import { DanaException, type Value } from "../../src/index.js";
import { createInterpreter, dedent, failure, lines } from "./helpers.js";

describe("errors (decision 3)", () => {
  it("keeps an error's type across calls; except Exception catches everything catchable", async () => {
    expect(
      await lines(`
        def f():
            return 1 / 0
        try:
            f()
        except ZeroDivisionError as e:
            print("caught", e.type)
        try:
            [][3]
        except Exception as e:
            print(e.type)
        try:
            {}["k"]
        except (ValueError, KeyError) as e:
            print(e.type)
      `),
    ).toEqual(["caught ZeroDivisionError", "IndexError", "KeyError"]);
  });

  it("keeps assignments made in an except body (reference QUIRK not copied)", async () => {
    expect(
      await lines(`
        status = "start"
        try:
            raise "boom"
        except RuntimeError as e:
            status = "caught " + e.message
        print(status)
      `),
    ).toEqual(["caught boom"]);
  });

  it("never lets except catch break or continue", async () => {
    expect(
      await lines(`
        seen = []
        for i in range(5):
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                seen.append(i)
            except:
                seen.append("swallowed")
        print(seen)
      `),
    ).toEqual(["[0, 2]"]);
  });

  it("always runs finally (also for return/break), and an error inside finally propagates", async () => {
    expect(
      await lines(`
        def f():
            try:
                return "body"
            except:
                pass
            finally:
                print("cleanup")
        print(f())
        for i in range(3):
            try:
                break
            except:
                pass
            finally:
                print("after break")
      `),
    ).toEqual(["cleanup", "body", "after break"]);
    const error = await failure(`
      try:
          x = 1
      except:
          pass
      finally:
          y = 1 / 0
    `);
    expect(error.danaType).toBe("ZeroDivisionError");
  });

  it("raises values, re-raises caught errors with their type, and supports bare raise", async () => {
    expect(
      await lines(`
        try:
            raise "message"
        except RuntimeError as e:
            print(e.type, e.message)
        try:
            try:
                x = {}["missing"]
            except KeyError as inner:
                raise inner
        except KeyError as outer:
            print("re-raised", outer.type)
        try:
            try:
                [][0]
            except:
                raise
        except IndexError:
            print("bare re-raise")
        try:
            raise "second" from "first"
        except RuntimeError as e:
            print(e.message)
      `),
    ).toEqual(["RuntimeError message", "re-raised KeyError", "bare re-raise", "second"]);
    const bare = await failure("raise\n");
    expect(bare.danaType).toBe("RuntimeError");
    expect(bare.message).toBe("No exception to re-raise");
  });

  it("asserts with a lazily evaluated message", async () => {
    expect((await failure("assert 1 == 2\n")).message).toBe("Assertion failed");
    expect((await failure('assert [], "empty: " + str(0)\n')).message).toBe("empty: 0");
    expect((await failure("assert False, 42\n")).message).toBe("42");
  });

  it("locates errors at file:line:column with a Dana traceback, innermost last", async () => {
    const error = await failure(`
      def inner(x):
          return x / 0
      def outer():
          y = 1
          return inner(y)
      outer()
    `);
    expect(error.danaType).toBe("ZeroDivisionError");
    expect(error.location?.file).toBe("test.na");
    expect(error.location?.span.line).toBe(2);
    expect(error.location?.span.column).toBe(12);
    expect(error.traceback.map((frame) => `${frame.function}:${frame.line}`)).toEqual([
      "<module>:6",
      "outer:5",
      "inner:2",
    ]);
    expect(error.traceback[2]?.sourceLine).toBe("return x / 0");
  });

  it("exposes the error fields on the bound value", async () => {
    expect(
      await lines(`
        try:
            x = [1][5]
        except IndexError as e:
            print(e.type)
            print(e.line)
      `),
    ).toEqual(["IndexError", "2"]);
  });

  it("turns deep recursion into a catchable RecursionError and never lets a host stack overflow escape", async () => {
    expect(
      await lines(`
        def down(n):
            return down(n + 1)
        try:
            down(0)
        except RecursionError as e:
            print("recursion", e.message)
      `),
    ).toEqual(["recursion maximum recursion depth exceeded"]);
    // With a recursion limit far above what the host stack can hold, the host overflow is still converted.
    const { interpreter } = createInterpreter({}, { maxRecursionDepth: 10_000_000 });
    const source = dedent(`
      def down(n):
          return [down(n + 1)]
      down(0)
    `);
    const outcome = await interpreter.evaluate(source).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(DanaException);
    expect((outcome as DanaException).danaType, (outcome as DanaException).message).toBe("RecursionError");
    expect(() => interpreter.evaluateSync(source)).toThrow(DanaException);
  });
});

describe("errors on the generator path", () => {
  it("locates errors and builds the traceback across suspended calls", async () => {
    const host = { functions: new Map([["later", async (positional: readonly Value[]) => positional[0] ?? null]]) };
    const error = await failure(
      `
        def inner(x):
            y = later(x)
            return y / 0
        def outer():
            return inner(later(1))
        outer()
      `,
      host,
    );
    expect(error.danaType).toBe("ZeroDivisionError");
    expect(error.location?.span.line).toBe(3);
    expect(error.traceback.map((frame) => `${frame.function}:${frame.line}`)).toEqual([
      "<module>:6",
      "outer:5",
      "inner:3",
    ]);
  });
});

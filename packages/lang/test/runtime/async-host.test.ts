import { describe, expect, it } from "vitest";
import {
  DanaDict,
  DanaException,
  DanaFloat,
  DanaStructInstance,
  type ReasonRequest,
  type Value,
} from "../../src/index.js";
import { createInterpreter, dedent, lines, run } from "./helpers.js";

function later<T>(value: T, milliseconds = 30): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), milliseconds));
}

describe("asynchronous host calls", () => {
  it("suspends on a host promise without blocking the event loop", async () => {
    let ticks = 0;
    const interval = setInterval(() => ticks++, 5);
    try {
      const host = {
        functions: new Map([["weather_for", (positional: readonly Value[]) => later(`sunny in ${positional[0]}`, 60)]]),
      };
      const output = await lines(
        `
          def report(city):
              w = weather_for(city)
              return "report: " + w
          for c in ["Oslo", "Rome"]:
              print(report(c))
        `,
        host,
      );
      expect(output).toEqual(["report: sunny in Oslo", "report: sunny in Rome"]);
      expect(ticks).toBeGreaterThanOrEqual(5);
    } finally {
      clearInterval(interval);
    }
  });

  it("passes keyword arguments and surfaces host rejections as catchable Dana errors", async () => {
    const host = {
      functions: new Map<
        string,
        (positional: readonly Value[], keywords: ReadonlyMap<string, Value>) => Promise<Value>
      >([
        ["greet", async (positional, keywords) => `${positional[0]}${keywords.get("mark") ?? ""}`],
        ["broken", async () => Promise.reject(new Error("service down"))],
      ]),
    };
    expect(
      await lines(
        `
          print(greet("hi", mark="!"))
          try:
              broken()
          except RuntimeError as e:
              print("caught", e.message)
        `,
        host,
      ),
    ).toEqual(["hi!", "caught host call failed: service down"]);
  });

  it("evaluateSync runs synchronous host functions and refuses asynchronous ones", () => {
    const { interpreter, stdout } = createInterpreter({
      functions: new Map<string, () => Value | Promise<Value>>([
        ["now_sync", () => 7],
        ["now_async", async () => 7],
      ]),
    });
    expect(interpreter.evaluateSync("now_sync() * 6\n").value).toBe(42);
    let error: unknown;
    try {
      interpreter.evaluateSync('print("before")\nnow_async()\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DanaException);
    expect((error as DanaException).message).toContain("use evaluate()");
    expect(stdout()).toBe("before\n");
  });

  it("produces the same results on the synchronous and the generator paths", async () => {
    const program = `
      def fact(n):
          if n <= 1:
              return 1
          return n * ident(fact(n - 1))
      total = 0
      for i in range(1, 8):
          total += fact(i)
      words = [ident(w).upper() for w in ["a", "b"]]
      print(total, words, {(k: ident(v)) for k, v in {"x": 1}.items()})
    `;
    const syncHost = { functions: new Map([["ident", (positional: readonly Value[]) => positional[0]!]]) };
    const asyncHost = { functions: new Map([["ident", (positional: readonly Value[]) => later(positional[0]!, 1)]]) };
    const expected = ["5913 ['A', 'B'] {'x': 1}"];
    expect(await lines(program, syncHost)).toEqual(expected);
    expect(await lines(program, asyncHost)).toEqual(expected);
  });

  it("waits for the host anywhere: targets, defaults, decorators, struct defaults and builtin callbacks", async () => {
    const logs: string[] = [];
    const host = {
      functions: new Map([["later", (positional: readonly Value[]) => later(positional[0] ?? null, 1)]]),
      log: (_level: string, message: string) => logs.push(message),
    };
    expect(
      await lines(
        `
          xs = [1, 2, 3]
          xs[later(0)] = later(9)
          xs[later(1):2] = [8]
          counts = {"a": 1}
          counts[later("a")] += 1
          def greet(name = later("world")):
              return "hello " + name
          f = lambda v = later(3) :: v * 2
          struct Settings:
              retries: int = later(3)
          @later
          def square(v):
              return v * v
          print(xs, counts, greet(), f(), Settings(), square(4))
          print(sorted(["ccc", "a", "bb"], key=lambda w :: later(len(w))))
          ys = [3, 1, 2]
          ys.sort(key=lambda v :: later(-v))
          print(ys)
          @log_calls
          def double(v):
              return later(v) * 2
          print(double(21))
        `,
        host,
      ),
    ).toEqual(["[9, 8, 3] {'a': 2} hello world 6 Settings(retries=3) 16", "['a', 'bb', 'ccc']", "[3, 2, 1]", "42"]);
    expect(logs).toEqual(["Calling double(21)", "double returned 42"]);
  });

  it("waits for the host inside pipeline stages and their arguments", async () => {
    const host = { functions: new Map([["later", (positional: readonly Value[]) => later(positional[0] ?? null, 1)]]) };
    expect(
      await lines(
        `
          def add(a, b):
              return a + b
          def f(x) = add(later(10)) | add($$, later(1)) | later
          print(f(1))
        `,
        host,
      ),
    ).toEqual(["12"]);
  });

  it("runs each builtin callback once even when the builtin is replayed", async () => {
    const host = { functions: new Map([["later", (positional: readonly Value[]) => later(positional[0] ?? null, 1)]]) };
    expect(
      await lines(
        `
          calls = []
          def key(v):
              calls.append(v)
              return later(v)
          print(max([2, 7, 4], key=key), calls)
        `,
        host,
      ),
    ).toEqual(["7 [2, 7, 4]"]);
  });

  it("lets only data cross from the host: plain JSON becomes dict/list, other host objects are refused", async () => {
    const { interpreter } = createInterpreter({
      functions: new Map<string, () => Value>([
        ["config", () => ({ on: true, sizes: [1, 2.5] }) as unknown as Value],
        ["leak", () => new Date() as unknown as Value],
      ]),
    });
    expect((await interpreter.evaluate("c = config()\nstr(c)\n")).value).toBe("{'on': True, 'sizes': [1, 2.5]}");
    const error = await interpreter.evaluate("leak()\n").catch((caught) => caught);
    expect(error).toBeInstanceOf(DanaException);
    expect(error.danaType).toBe("TypeError");
    const { value } = await interpreter.evaluate("len(payload['items'])\n", {
      inputs: { payload: { items: [1, 2, 3] } as unknown as Value },
    });
    expect(value).toBe(3);
  });

  it("lets the host call Dana functions (call / callSync)", async () => {
    const { interpreter } = createInterpreter();
    await interpreter.evaluate("def add(a, b=10):\n    return a + b\n");
    const add = interpreter.getGlobal("add")!;
    expect(interpreter.callSync(add, [1, 2])).toBe(3);
    expect(await interpreter.call(add, [1], new Map([["b", 5]]))).toBe(6);
  });
});

describe("reason()", () => {
  it("sends the prompt, folded options and the expected type, and coerces the reply", async () => {
    const requests: ReasonRequest[] = [];
    const reason = async (request: ReasonRequest) => {
      requests.push(request);
      if (request.expectedType?.kind === "primitive" && request.expectedType.name === "int") return "42";
      if (request.expectedType?.kind === "struct") return '{"name": "Ada", "age": 36}';
      if (request.options.format === "json") return '{"a": [1, 2]}';
      if (request.prompt.includes("2+2")) return "4";
      if (request.prompt.includes("sure")) return "yes";
      return "Paris";
    };
    const { stdout } = await run(
      `
        struct Person:
            name: str
            age: int  # in years
        n: int = reason("pick a number", temperature=0.1)
        print(n + 1)
        p: Person = reason("who?")
        print(p)
        print(reason("What is 2+2?") + 1)
        print(reason("are you sure?"))
        print(reason("capital of France"))
        d = reason("data", {"format": "json"})
        print(d["a"])
      `,
      { reason },
    );
    expect(stdout.split("\n").slice(0, -1)).toEqual([
      "43",
      "Person(name='Ada', age=36)",
      "5",
      "True",
      "Paris",
      "[1, 2]",
    ]);
    expect(requests[0]).toEqual({
      prompt: "pick a number",
      options: { temperature: 0.1 },
      expectedType: { kind: "primitive", name: "int" },
    });
    expect(requests[1]?.expectedType).toEqual({
      kind: "struct",
      name: "Person",
      fields: [
        { name: "name", type: "str", description: null },
        { name: "age", type: "int", description: "in years" },
      ],
    });
  });

  it("raises a Dana error when the host granted no LLM", async () => {
    const outcome = await run('reason("hi")\n').catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(DanaException);
    expect((outcome as DanaException).message).toBe("reason() is not available: the host granted no LLM capability");
  });

  it("returns structured host replies as Dana values", async () => {
    const { value } = await run("x = reason('q')\nx\n", { reason: () => ({ score: 0.5, tags: ["a"] }) });
    expect(value).toBeInstanceOf(DanaDict);
    expect((value as DanaDict).get("score")).toEqual(new DanaFloat(0.5));
  });

  it("keeps struct coercion for typed assignment", async () => {
    const { interpreter } = createInterpreter({ reason: () => '{"x": 1}' });
    await interpreter.evaluate(
      dedent(`
      struct P:
          x: int
      p: P = reason("make one")
    `),
    );
    expect(interpreter.getGlobal("p")).toBeInstanceOf(DanaStructInstance);
  });
});

describe("REPL evaluations", () => {
  it("calls a function defined by a later evaluation that waits for the host", async () => {
    const { interpreter, stdout } = createInterpreter({
      functions: new Map([["later", (positional: readonly Value[]) => later(positional[0] ?? null, 1)]]),
    });
    await interpreter.evaluate("def first():\n    return second() + 1\n");
    await interpreter.evaluate("def second():\n    return later(41)\n");
    await interpreter.evaluate("print(first())\n");
    expect(stdout()).toBe("42\n");
  });
});

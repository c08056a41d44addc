import { describe, expect, it } from "vitest";
import { failure, lines } from "./helpers.js";

describe("calls", () => {
  it("binds leniently: extra positional dropped, missing → None, unknown keywords ignored", async () => {
    expect(
      await lines(`
        def f(a, b):
            return [a, b]
        print(f(1, 2, 3))
        print(f(1))
        print(f(b=2, a=1, c=3))
      `),
    ).toEqual(["[1, 2]", "[1, None]", "[1, 2]"]);
  });

  it("evaluates defaults once, in the defining scope (identifier and call defaults work)", async () => {
    expect(
      await lines(`
        limit = 10
        xs = [1, 2, 3]
        def k(v=limit, n=len(xs)):
            return v + n
        limit = 99
        print(k())
        def collect(item, bucket=[]):
            bucket.append(item)
            return bucket
        collect(1)
        print(collect(2))
      `),
    ).toEqual(["13", "[1, 2]"]);
  });

  it("returns the last non-None statement value when there is no return", async () => {
    expect(
      await lines(`
        def g():
            x = 5
        def h(x):
            if x > 0:
                "pos"
            else:
                "neg"
        def quiet():
            print("hi")
        def last_non_none():
            y = 3
            print("side effect")
        print(g())
        print(h(1), h(-1))
        print(quiet())
        print(last_non_none())
      `),
    ).toEqual(["5", "pos neg", "hi", "None", "side effect", "3"]);
  });

  it("calls builtins before user functions of the same name, but reads find the user's value", async () => {
    expect(
      await lines(`
        def len(x):
            return "mine"
        print(len([1, 2]))
        f = len
        print(f([1, 2]))
      `),
    ).toEqual(["2", "mine"]);
  });

  it("calls any callable expression", async () => {
    expect(
      await lines(`
        def make():
            return lambda x :: x * 10
        print(make()(2))
        fs = [lambda v :: v + 1]
        print(fs[0](5))
        ops = {"add": lambda a, b :: a + b}
        print(ops["add"](1, 2))
        print(ops.add(3, 4))
      `),
    ).toEqual(["20", "6", "3", "7"]);
  });

  it("raises TypeError when calling None and a clear error for unsupported builtins", async () => {
    const none = await failure("x = None\nx()\n");
    expect(none.danaType).toBe("TypeError");
    expect(none.message).toBe("'NoneType' object is not callable");
    const unsupported = await failure("zip([1], [2])\n");
    expect(unsupported.message).toContain("not supported");
    const tier3 = await failure('llm("hi")\n');
    expect(tier3.message).toContain("'llm' is not supported");
  });

  it("applies decorators bottom-up, including factories", async () => {
    expect(
      await lines(`
        def twice(f):
            return lambda x :: f(f(x))
        def adder(n):
            return lambda f :: (lambda x :: f(x) + n)
        @adder(100)
        @twice
        def inc(x):
            return x + 1
        print(inc(1))
      `),
    ).toEqual(["103"]);
  });

  it("runs declarative pipelines: references, calls, $$, captures and list stages", async () => {
    expect(
      await lines(`
        def add_suffix(s, suffix):
            return s + suffix
        def upper_case(s):
            return s.upper()
        def between(low, x, high):
            return max(low, min(x, high))
        def inc(x):
            return x + 1
        def dbl(x):
            return x * 2
        def total(xs):
            return sum(xs)
        def with_tax(p, rate):
            return p * (1 + rate)
        def fmt(p, gross):
            return f"{p} -> {gross}"
        def shout(s) = upper_case | add_suffix("!")
        def pick(x) = between(0, $$, 10)
        def both(x) = [inc, dbl] | total
        def invoice(p) = with_tax(0.5) as gross | fmt(p, gross)
        print(shout("hi"))
        print(pick(42), pick(-3), pick(5))
        print(both(5))
        print(invoice(10))
      `),
    ).toEqual(["HI!", "10 0 5", "16", "10 -> 15.0"]);
  });

  it("reports $$ outside a pipeline", async () => {
    const error = await failure("x = $$\n").catch((caught) => caught);
    expect(String(error.message ?? error)).toContain("$$");
  });
});

describe("methods and structs", () => {
  it("constructs structs by keyword, copies mutable defaults, validates fields", async () => {
    expect(
      await lines(`
        struct Point:
            x: int
            y: int = 0
            tags: list = []
        p = Point(x=3)
        q = Point(x=3)
        p.tags.append("a")
        print(p, q)
        print(p == Point(x=3, tags=["a"]))
        print(type(p))
        s = Point(x=1)
        s.y = 4
        print(s.y)
      `),
    ).toEqual(["Point(x=3, y=0, tags=['a']) Point(x=3, y=0, tags=[])", "True", "Struct[Point]", "4"]);
    expect(await lines("struct F:\n    x: float = 1\nprint(F())\n")).toEqual(["F(x=1.0)"]);
    expect((await failure('struct B:\n    n: int = "a"\n')).danaType).toBe("TypeError");
    expect((await failure("struct P:\n    x: int\nP(1)\n")).message).toContain("missing required fields");
    expect((await failure("struct P:\n    x: int\nP(x=1, z=2)\n")).danaType).toBe("TypeError");
    expect((await failure("struct P:\n    x: int\np = P(x=1)\np.z = 3\n")).danaType).toBe("AttributeError");
  });

  it("dispatches receiver methods by type, also when called as plain functions", async () => {
    expect(
      await lines(`
        struct Circle:
            r: float
        struct Square:
            side: float
        def (c: Circle) area() -> float:
            return 3.0 * c.r * c.r
        def (s: Square) area() -> float:
            return s.side * s.side
        c = Circle(r=1.0)
        s = Square(side=2.0)
        print(c.area(), s.area())
        print(area(c), area(s))
        def (shape: Circle | Square) describe() -> str:
            return "shape"
        print(c.describe(), s.describe())
        m = c.area
        print(m())
      `),
    ).toEqual(["3.0 4.0", "3.0 4.0", "shape shape", "3.0"]);
  });

  it("registers a plain def with an annotated first parameter as a method (legacy rule)", async () => {
    expect(
      await lines(`
        def shout(s: str) -> str:
            return s.upper() + "!"
        print("hi".shout())
        def plain(s):
            return s
        try:
            "hi".plain()
        except AttributeError as e:
            print(e.type)
      `),
    ).toEqual(["HI!", "AttributeError"]);
  });

  it("delegates unknown attributes, writes and method calls to _fields in declaration order", async () => {
    expect(
      await lines(`
        struct Engine:
            hp: int
        def (e: Engine) boost() -> int:
            e.hp = e.hp + 50
            return e.hp
        struct Car:
            name: str
            _engine: Engine
        car = Car(name="x", _engine=Engine(hp=100))
        print(car.hp)
        car.hp = 150
        print(car._engine.hp)
        print(car.boost())
      `),
    ).toEqual(["100", "150", "200"]);
  });

  it("declares interfaces as type names", async () => {
    expect(
      await lines(`
        interface Named:
            get_name() -> str
        print("ok")
      `),
    ).toEqual(["ok"]);
  });

  it("rejects with-statements on values without a context manager protocol", async () => {
    const error = await failure("with 5 as x:\n    pass\n");
    expect(error.danaType).toBe("TypeError");
    expect(error.message).toContain("context manager");
  });
});

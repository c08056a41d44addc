import { describe, expect, it } from "vitest";
import { createSearchPathResolver, DanaException, DanaModule, type ModuleRequest } from "../../src/index.js";
import { createInterpreter, dedent } from "./helpers.js";

/** An in-memory file system for createSearchPathResolver. */
function memoryFiles(files: Record<string, string>, asynchronous = false) {
  const delay = <T>(value: T): T | Promise<T> =>
    asynchronous ? new Promise((resolve) => setTimeout(() => resolve(value), 1)) : value;
  const directories = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split("/");
    for (let length = 1; length < parts.length; length++) directories.add(parts.slice(0, length).join("/"));
  }
  return createSearchPathResolver({
    searchPaths: ["/project", "/project/lib"],
    readFile: (path) => delay(files[path] ?? null),
    isDirectory: (path) => delay(directories.has(path)),
    listDirectory: (path) =>
      delay(
        Object.keys(files)
          .filter((file) => file.startsWith(`${path}/`))
          .map((file) => file.slice(path.length + 1).split("/")[0]!),
      ),
  });
}

const files = {
  "/project/geometry.na": dedent(`
    PI = 3
    _hidden = 1
    public:shared_constant = 99
    struct Point:
        x: int
    def area(r):
        return PI * r * r
    def (p: Point) doubled() -> int:
        return p.x * 2
  `),
  "/project/shapes/__init__.na": "kind = 'package'\n",
  "/project/shapes/circle.na": dedent(`
    from .helpers import tidy
    def describe():
        return tidy("circle")
  `),
  "/project/shapes/helpers.na": "def tidy(s):\n    return s.upper()\n",
  "/project/lib/util/strings.na": "def shout(s):\n    return s + '!'\n",
  "/project/restricted.na": "__exports__ = ['a']\na = 1\nb = 2\n",
  "/project/cycle_a.na": "import cycle_b\n",
  "/project/cycle_b.na": "import cycle_a\n",
  "/project/broken.na": "x = (\n",
  "/project/failing.na": "def boom():\n    return 1 / 0\nboom()\n",
  "/project/counter.na": "print('loading counter')\nvalue = 1\n",
};

async function outputOf(source: string, asynchronous = false) {
  const { interpreter, stdout } = createInterpreter({ resolveModule: memoryFiles(files, asynchronous) });
  await interpreter.evaluate(dedent(source), { file: "/project/main.na" });
  return stdout().split("\n").slice(0, -1);
}

describe("modules", () => {
  it("imports modules, members, aliases and public variables", async () => {
    expect(
      await outputOf(`
        import geometry
        import geometry as g
        from geometry import area, PI as pi, Point
        print(geometry.area(1), g.PI, area(2), pi)
        p = Point(x=4)
        print(p.doubled())
        print(shared_constant)
      `),
    ).toEqual(["3 3 12 3", "8", "99"]);
  });

  it("binds the root package for dotted imports and resolves relative imports in packages", async () => {
    expect(
      await outputOf(
        `
        import shapes.circle
        print(shapes.kind, shapes.circle.describe())
        import util.strings as s
        print(s.shout("hi"))
        import util.strings
        print(util.strings.shout("ho"))
      `,
        true,
      ),
    ).toEqual(["package CIRCLE", "hi!", "ho!"]);
  });

  it("imports synchronously with evaluateSync when the resolver is synchronous", () => {
    const { interpreter, stdout } = createInterpreter({ resolveModule: memoryFiles(files) });
    interpreter.evaluateSync("from geometry import area\nprint(area(2))\n", { file: "/project/main.na" });
    expect(stdout()).toBe("12\n");
  });

  it("runs a module once per interpreter", async () => {
    expect(
      await outputOf("import counter\nimport counter as again\nfrom counter import value\nprint(value)\n"),
    ).toEqual(["loading counter", "1"]);
  });

  it("supports import * (skipping _names, honouring __exports__)", async () => {
    expect(
      await outputOf("from geometry import *\nprint(PI, _hidden)\nfrom restricted import *\nprint(a, b)\n"),
    ).toEqual(["3 None", "1 None"]);
  });

  it("reports import errors with the spec's messages", async () => {
    const cases: [string, string, string][] = [
      ["from geometry import _hidden\n", "ImportError", "names starting with '_' are private"],
      ["from geometry import nothing\n", "ImportError", "Cannot import name 'nothing' from 'geometry'"],
      ["import nowhere\n", "ModuleNotFoundError", "Dana module 'nowhere' not found"],
      ["import cycle_a\n", "ImportError", "circular import: cycle_a -> cycle_b -> cycle_a"],
      ["import broken\n", "SyntaxError", "/project/broken.na"],
      ["import failing\n", "ZeroDivisionError", "division by zero"],
    ];
    for (const [source, type, message] of cases) {
      const { interpreter } = createInterpreter({ resolveModule: memoryFiles(files) });
      const error = await interpreter.evaluate(source, { file: "/project/main.na" }).catch((caught) => caught);
      expect(error, source).toBeInstanceOf(DanaException);
      expect(error.danaType, source).toBe(type);
      expect(error.message, source).toContain(message);
    }
  });

  it("does not leak module functions into the importer's names", async () => {
    expect(await outputOf("import geometry\nprint(area)\n")).toEqual(["None"]);
  });

  it("offers importModule and invalidateModules to embedders", async () => {
    const requests: ModuleRequest[] = [];
    let version = 1;
    const { interpreter } = createInterpreter({
      resolveModule: async (request) => {
        requests.push(request);
        return { file: "/m.na", source: `version = ${version}\n` };
      },
    });
    const first = await interpreter.importModule("m");
    expect(first).toBeInstanceOf(DanaModule);
    expect(first.members.get("version")).toBe(1);
    version = 2;
    expect((await interpreter.importModule("m")).members.get("version")).toBe(1);
    interpreter.invalidateModules(["/m.na"]);
    expect((await interpreter.importModule("m")).members.get("version")).toBe(2);
    expect(requests[0]).toEqual({ name: "m", parts: ["m"], relativeLevel: 0, importer: null });
  });
});

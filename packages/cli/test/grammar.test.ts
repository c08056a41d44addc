import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";

const require = createRequire(import.meta.url);
const grammarPath = new URL("../syntaxes/dana.tmLanguage.json", import.meta.url);

/** Loads the grammar with the same engine VS Code uses (vscode-textmate + Oniguruma). */
async function loadGrammar() {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath.pathname),
  });
  const grammar = await registry.loadGrammar("source.dana");
  if (!grammar) throw new Error("grammar did not load");
  return grammar;
}

function scopesOf(grammar: Awaited<ReturnType<typeof loadGrammar>>, line: string): Map<string, string[]> {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return new Map(tokens.map((token) => [line.slice(token.startIndex, token.endIndex), token.scopes]));
}

describe("the TextMate grammar for .na files", () => {
  it("tokenizes definitions, scoped names, f-strings, lambdas and comments", async () => {
    const grammar = await loadGrammar();
    const definition = scopesOf(grammar, "def (p: Point) norm2() -> float:  # receiver");
    expect(definition.get("def")).toContain("storage.type.function.dana");
    expect(definition.get("norm2")).toContain("entity.name.function.dana");
    expect(definition.get("# receiver")).toContain("comment.line.number-sign.dana");

    const scoped = scopesOf(grammar, 'private:count = f"n={count + 1}" if true else None');
    expect(scoped.get("private")).toContain("storage.modifier.scope.dana");
    expect([...scoped.values()].some((scopes) => scopes.includes("meta.interpolation.dana"))).toBe(true);
    expect(scoped.get("true")).toContain("constant.language.boolean.dana");
    expect(scoped.get("None")).toContain("constant.language.null.dana");

    const lambda = scopesOf(grammar, "double = lambda x :: x * 2");
    expect(lambda.get("lambda")).toContain("storage.type.function.lambda.dana");
    expect(lambda.get("::")).toContain("keyword.operator.lambda-body.dana");

    const struct = scopesOf(grammar, "struct Point:");
    expect(struct.get("Point")).toContain("entity.name.type.dana");
  });
});

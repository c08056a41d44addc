import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createAnthropic,
  createLanguageModel,
  createOpenAI,
  InvalidModelIdError,
  LLMConfigurationError,
  parseModelId,
  resolveDefaultModelId,
} from "../src/index.js";

describe("model ids", () => {
  it("parse provider and model, keeping colons in the model name", () => {
    expect(parseModelId("openai:gpt-4o-mini")).toEqual({ provider: "openai", model: "gpt-4o-mini" });
    expect(parseModelId("ollama:llama3.2:1b")).toEqual({ provider: "ollama", model: "llama3.2:1b" });
  });

  it.each(["gpt-4o", "openai:", ":model", "", "azure:gpt-4o"])("reject %j naming the expected format", (id) => {
    let error: unknown;
    try {
      parseModelId(id);
    } catch (caught) {
      error = caught;
    }
    expect(InvalidModelIdError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('"provider:model"');
    expect((error as Error).message).toContain("openai, anthropic, ollama, offline");
  });
});

describe("configuration from options, then environment", () => {
  it("chooses the default model from DANA_MODEL, then available credentials, then offline", () => {
    expect(resolveDefaultModelId({})).toBe("offline:default");
    expect(resolveDefaultModelId({ OLLAMA_HOST: "localhost:11434" })).toBe("ollama:llama3.2");
    expect(resolveDefaultModelId({ ANTHROPIC_API_KEY: "a", OLLAMA_HOST: "h" })).toBe(
      "anthropic:claude-3-5-haiku-latest",
    );
    expect(resolveDefaultModelId({ OPENAI_API_KEY: "o", ANTHROPIC_API_KEY: "a" })).toBe("openai:gpt-4o-mini");
    expect(resolveDefaultModelId({ OPENAI_BASE_URL: "http://localhost:8000/v1" })).toBe("openai:gpt-4o-mini");
    expect(resolveDefaultModelId({ DANA_MODEL: "ollama:qwen2.5", OPENAI_API_KEY: "o" })).toBe("ollama:qwen2.5");
    expect(resolveDefaultModelId({ OPENAI_API_KEY: "  " })).toBe("offline:default");
  });

  it("creates the model named by DANA_MODEL", () => {
    expect(createLanguageModel(undefined, { env: { DANA_MODEL: "offline:fast" } }).modelId).toBe("offline:fast");
    expect(createLanguageModel(undefined, { env: { OPENAI_API_KEY: "k" } }).modelId).toBe("openai:gpt-4o-mini");
    expect(() => createLanguageModel(undefined, { env: { DANA_MODEL: "gpt-4o" } })).toThrow(InvalidModelIdError);
  });

  it("names the option and the variable when a key is missing", () => {
    expect(() => createOpenAI({ env: {} })).toThrow(
      "OpenAI API key is missing. Pass it as the `apiKey` option or set the OPENAI_API_KEY environment variable.",
    );
    expect(() => createAnthropic({ env: {} })).toThrow(
      "Anthropic API key is missing. Pass it as the `apiKey` option or set the ANTHROPIC_API_KEY environment variable.",
    );
    expect(() => createLanguageModel("anthropic:claude-3-5-haiku-latest", { env: {} })).toThrow(LLMConfigurationError);
  });

  it("prefers options over the environment and needs no key for a custom base URL", () => {
    const model = createOpenAI({ apiKey: "from-option", model: "m", env: { OPENAI_API_KEY: "from-env" } });
    expect(model.modelId).toBe("openai:m");
    expect(createOpenAI({ env: { OPENAI_BASE_URL: "http://127.0.0.1:8000/v1" } }).provider).toBe("openai");
  });

  it("rejects bad numeric options when the model is created", () => {
    expect(() => createOpenAI({ apiKey: "k", env: {}, maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => createAnthropic({ apiKey: "k", env: {}, timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
  });

  it("rejects a malformed request with a configuration error", async () => {
    const model = createLanguageModel("offline:default");
    await expect(model.generate({} as never)).rejects.toThrow(/`prompt` string/);
    await expect(model.generate({ prompt: "x", timeoutMs: -5 })).rejects.toThrow(/timeoutMs must be/);
  });
});

describe("lazy loading", () => {
  it("no source file imports the SDKs or zod statically (they load on first use)", () => {
    const sourceRoot = join(import.meta.dirname, "..", "src");
    const files = readdirSync(sourceRoot, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(join(sourceRoot, file), "utf8");
      for (const match of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)) {
        const specifier = match[1]!;
        expect(specifier.startsWith(".") || specifier.startsWith("node:"), `${file} imports ${specifier} eagerly`).toBe(
          true,
        );
      }
    }
  });
});

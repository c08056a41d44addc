import { LLMConfigurationError } from "./errors.js";
import type { ModelId } from "./types.js";

/** Environment variables as a record, so tests pass their own instead of mutating `process.env`. */
export type Environment = Record<string, string | undefined>;

/** Read at call time, never at import, so a late `process.env` change (dotenv) is still seen. */
export function environmentOf(env: Environment | undefined): Environment {
  return env ?? process.env;
}

/** Empty strings count as unset: `OPENAI_API_KEY=` in a shell file should not select OpenAI. */
export function readVariable(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

export const defaultModels = {
  openai: "gpt-4o-mini",
  anthropic: "claude-3-5-haiku-latest",
  ollama: "llama3.2",
  offline: "default",
} as const;

/**
 * `DANA_MODEL` wins; otherwise the first provider with credentials (OpenAI, then
 * Anthropic, then a local Ollama); otherwise the offline provider, so that
 * everything works with zero set-up.
 */
export function resolveDefaultModelId(env: Environment): ModelId {
  const configured = readVariable(env, "DANA_MODEL");
  if (configured !== undefined) return configured as ModelId;
  if (readVariable(env, "OPENAI_API_KEY") !== undefined || readVariable(env, "OPENAI_BASE_URL") !== undefined) {
    return `openai:${defaultModels.openai}`;
  }
  if (readVariable(env, "ANTHROPIC_API_KEY") !== undefined) return `anthropic:${defaultModels.anthropic}`;
  if (readVariable(env, "OLLAMA_HOST") !== undefined) return `ollama:${defaultModels.ollama}`;
  return `offline:${defaultModels.offline}`;
}

/** Validates a count option such as `maxSize`; `source` names the option or variable in the message. */
export function positiveInteger(value: unknown, source: string): number {
  const number = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number < 1) {
    throw new LLMConfigurationError({
      option: source,
      message: `${source} must be a positive integer, got ${JSON.stringify(value)}.`,
    });
  }
  return number;
}

/** Validates a duration option such as `timeoutMs` (finite, not negative). */
export function durationMs(value: unknown, source: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new LLMConfigurationError({
      option: source,
      message: `${source} must be a finite number of milliseconds >= 0, got ${JSON.stringify(value)}.`,
    });
  }
  return value;
}

export function missingKeyError(providerLabel: string, variable: string): LLMConfigurationError {
  return new LLMConfigurationError({
    option: "apiKey",
    message: `${providerLabel} API key is missing. Pass it as the \`apiKey\` option or set the ${variable} environment variable.`,
  });
}

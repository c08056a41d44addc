import { LLMConfigurationError } from "./errors.js";
import { parseModelId } from "./model-id.js";
import { createAnthropic } from "./providers/anthropic.js";
import type { HTTPProviderOptions } from "./providers/http-options.js";
import { createOffline } from "./providers/offline.js";
import { createOllama, createOpenAI } from "./providers/openai.js";
import { environmentOf, resolveDefaultModelId } from "./settings.js";
import type { LanguageModel } from "./types.js";

/** Provider options without `model`: the model comes from the id. */
export type LanguageModelOptions = Omit<HTTPProviderOptions, "model">;

export function isLanguageModel(value: unknown): value is LanguageModel {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as LanguageModel).generate === "function" &&
    typeof (value as LanguageModel).stream === "function" &&
    typeof (value as LanguageModel).modelId === "string"
  );
}

/**
 * A model from an id (`"openai:gpt-4o-mini"`), or from `DANA_MODEL` and the
 * credentials in the environment when no id is given (see README), falling
 * back to `offline:default`. A `LanguageModel` object is returned unchanged.
 */
export function createLanguageModel(model?: string | LanguageModel, options: LanguageModelOptions = {}): LanguageModel {
  if (isLanguageModel(model)) return model;
  if (model !== undefined && typeof model !== "string") {
    throw new LLMConfigurationError({
      option: "model",
      message: 'The `model` option must be a "provider:model" string or a LanguageModel object.',
    });
  }
  const id = model ?? resolveDefaultModelId(environmentOf(options.env));
  const { provider, model: name } = parseModelId(id);
  const settings = { ...options, model: name };
  switch (provider) {
    case "openai":
      return createOpenAI(settings);
    case "anthropic":
      return createAnthropic(settings);
    case "ollama":
      return createOllama(settings);
    case "offline":
      return createOffline({ model: name });
  }
}

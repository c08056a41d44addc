import { InvalidModelIdError } from "./errors.js";
import type { ModelId } from "./types.js";

export const providerNames = ["openai", "anthropic", "ollama", "offline"] as const;
export type ProviderName = (typeof providerNames)[number];

const expectedFormat = `"provider:model" where provider is one of ${providerNames.join(", ")} (e.g. "openai:gpt-4o-mini", "anthropic:claude-3-5-haiku-latest", "ollama:llama3.2", "offline:default")`;

function isProviderName(value: string): value is ProviderName {
  return (providerNames as readonly string[]).includes(value);
}

/** Splits at the first colon, so model names that contain colons (`ollama:llama3.2:1b`) survive. */
export function parseModelId(id: string): { provider: ProviderName; model: string } {
  if (typeof id !== "string") {
    throw new InvalidModelIdError({
      modelId: String(id),
      message: `Model id must be a string of the form ${expectedFormat}.`,
    });
  }
  const colon = id.indexOf(":");
  const provider = colon === -1 ? "" : id.slice(0, colon).trim();
  const model = colon === -1 ? "" : id.slice(colon + 1).trim();
  if (colon === -1 || model === "") {
    throw new InvalidModelIdError({ modelId: id, message: `Invalid model id "${id}": expected ${expectedFormat}.` });
  }
  if (!isProviderName(provider)) {
    throw new InvalidModelIdError({
      modelId: id,
      message: `Invalid model id "${id}": unknown provider "${provider}"; expected ${expectedFormat}.`,
    });
  }
  return { provider, model };
}

export function formatModelId(provider: string, model: string): ModelId {
  return `${provider}:${model}`;
}

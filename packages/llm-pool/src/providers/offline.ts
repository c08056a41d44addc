import { LLMError } from "../errors.js";
import { formatModelId } from "../model-id.js";
import { placeholderFor } from "../schema/placeholder.js";
import { defaultModels } from "../settings.js";
import type { JSONSchema, LanguageModel, Usage } from "../types.js";
import {
  BackedLanguageModel,
  type ProviderAnswer,
  type ProviderBackend,
  type ProviderCall,
  type ProviderStreamEvent,
} from "./language-model-core.js";

export interface OfflineProviderOptions {
  /** Any name; it only shows in `modelId` (`offline:<model>`). Default `"default"`. */
  model?: string;
}

/** Marks every offline answer, so placeholder text can never pass for a real model's output. */
export const offlineLabel = "[offline]";

const excerptLength = 120;

/** A rough count (4 characters a token) so that usage statistics move; no tokenizer is loaded. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function lastUserMessage(call: ProviderCall): string {
  for (let index = call.messages.length - 1; index >= 0; index--) {
    const message = call.messages[index]!;
    if (message.role === "user") return message.content;
  }
  return "";
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > excerptLength ? `${oneLine.slice(0, excerptLength - 1)}…` : oneLine;
}

function offlineText(call: ProviderCall): string {
  return `${offlineLabel} Placeholder answer: no language model is configured (set DANA_MODEL, OPENAI_API_KEY, ANTHROPIC_API_KEY or OLLAMA_HOST). Prompt: "${excerpt(lastUserMessage(call))}"`;
}

// The schema is converted once per schema object; its placeholder never changes, so it is cached too.
const placeholderTextCache = new WeakMap<JSONSchema, string>();

function placeholderText(jsonSchema: JSONSchema): string {
  let text = placeholderTextCache.get(jsonSchema);
  if (text === undefined) {
    text = JSON.stringify(placeholderFor(jsonSchema));
    placeholderTextCache.set(jsonSchema, text);
  }
  return text;
}

function answerText(call: ProviderCall): string {
  if (!call.json) return offlineText(call);
  if (call.jsonSchema !== undefined) return placeholderText(call.jsonSchema);
  return JSON.stringify({ offline: true, text: offlineText(call) });
}

function usageOf(call: ProviderCall, text: string): Usage {
  let input = estimateTokens(call.system ?? "");
  for (const message of call.messages) input += estimateTokens(message.content);
  return { inputTokens: input, outputTokens: estimateTokens(text) };
}

class OfflineBackend implements ProviderBackend {
  readonly provider = "offline";
  readonly modelId;

  constructor(model: string) {
    this.modelId = formatModelId("offline", model);
  }

  async generateText(call: ProviderCall): Promise<ProviderAnswer> {
    const text = answerText(call);
    return { text, usage: usageOf(call, text), finishReason: "stop" };
  }

  async *streamText(call: ProviderCall): AsyncGenerator<ProviderStreamEvent> {
    const text = answerText(call);
    // Word-sized pieces, so consumers exercise the same concatenation path as with a real model.
    for (const piece of text.match(/\S+\s*|\s+/g) ?? []) {
      yield { type: "text-delta", text: piece };
    }
    yield { type: "usage", usage: usageOf(call, text) };
    yield { type: "finish", finishReason: "stop" };
  }

  toLLMError(error: unknown): LLMError {
    return new LLMError({ message: `The offline model failed: ${String(error)}`, cause: error });
  }
}

/**
 * The model used when nothing is configured: deterministic, instant, no
 * network. Text answers start with "[offline]"; JSON answers are schema-valid
 * placeholder data (strings say "[offline]" where the schema allows).
 */
export function createOffline(options: OfflineProviderOptions = {}): LanguageModel {
  return new BackedLanguageModel(new OfflineBackend(options.model ?? defaultModels.offline));
}

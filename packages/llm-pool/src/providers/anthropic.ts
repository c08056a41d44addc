import type { Anthropic } from "@anthropic-ai/sdk";
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages/messages";
import { LLMConfigurationError, type LLMError } from "../errors.js";
import { formatModelId } from "../model-id.js";
import { defaultModels, environmentOf, missingKeyError, readVariable } from "../settings.js";
import type { LanguageModel, ModelId } from "../types.js";
import { type HTTPProviderOptions, transportSettings } from "./http-options.js";
import {
  BackedLanguageModel,
  type ProviderAnswer,
  type ProviderBackend,
  type ProviderCall,
  type ProviderStreamEvent,
} from "./language-model-core.js";
import { fromSDKError, noSDKErrorClasses, type SDKErrorClasses } from "./sdk-errors.js";

const anthropicBaseURL = "https://api.anthropic.com";
/** The Messages API requires `max_tokens`; this is the default when the request sets none. */
export const defaultAnthropicMaxTokens = 4096;

interface AnthropicModule extends SDKErrorClasses {
  Anthropic: typeof Anthropic;
}

interface AnthropicSettings {
  model: string;
  apiKey: string;
  baseURL: string;
  timeoutMs: number;
  maxRetries: number;
}

function loadAnthropic(): Promise<AnthropicModule> {
  // Imported on first use only, like the openai SDK.
  return import("@anthropic-ai/sdk").catch((error: unknown) => {
    throw new LLMConfigurationError({
      message: 'The "@anthropic-ai/sdk" package could not be loaded; install it with `npm install @anthropic-ai/sdk`.',
      cause: error,
    });
  }) as Promise<AnthropicModule>;
}

class AnthropicBackend implements ProviderBackend {
  readonly provider = "anthropic";
  readonly modelId: ModelId;
  readonly #settings: AnthropicSettings;
  #module: AnthropicModule | undefined;
  #client: Promise<Anthropic> | undefined;

  constructor(settings: AnthropicSettings) {
    this.#settings = settings;
    this.modelId = formatModelId("anthropic", settings.model);
  }

  get #url(): string {
    return `${this.#settings.baseURL.replace(/\/+$/, "")}/v1/messages`;
  }

  #getClient(): Promise<Anthropic> {
    this.#client ??= loadAnthropic().then((module) => {
      this.#module = module;
      return new module.Anthropic({
        apiKey: this.#settings.apiKey,
        // Explicit, so the SDK does not pick up ANTHROPIC_AUTH_TOKEN from process.env behind the `env` option's back.
        authToken: null,
        baseURL: this.#settings.baseURL,
        timeout: this.#settings.timeoutMs,
        maxRetries: this.#settings.maxRetries,
      });
    });
    this.#client.catch(() => {
      this.#client = undefined;
    });
    return this.#client;
  }

  #body(call: ProviderCall): MessageCreateParamsBase {
    const body: MessageCreateParamsBase = {
      model: this.#settings.model,
      max_tokens: call.maxTokens ?? defaultAnthropicMaxTokens,
      messages: call.messages.map((message) => ({ role: message.role, content: message.content })),
    };
    // Anthropic has no JSON mode: the JSON instructions travel in `system` (see structured-output.ts).
    if (call.system !== undefined) body.system = call.system;
    if (call.temperature !== undefined) body.temperature = call.temperature;
    return body;
  }

  async generateText(call: ProviderCall): Promise<ProviderAnswer> {
    const client = await this.#getClient();
    const message = await client.messages.create({ ...this.#body(call), stream: false }, { signal: call.signal });
    let text = "";
    for (const block of message.content) {
      if (block.type === "text") text += block.text;
    }
    return {
      text,
      finishReason: message.stop_reason ?? "unknown",
      usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens },
    };
  }

  async *streamText(call: ProviderCall): AsyncGenerator<ProviderStreamEvent> {
    const client = await this.#getClient();
    const stream = await client.messages.create({ ...this.#body(call), stream: true }, { signal: call.signal });
    for await (const event of stream) {
      switch (event.type) {
        case "message_start":
          yield {
            type: "usage",
            usage: { inputTokens: event.message.usage.input_tokens, outputTokens: event.message.usage.output_tokens },
          };
          break;
        case "content_block_delta":
          if (event.delta.type === "text_delta") yield { type: "text-delta", text: event.delta.text };
          break;
        case "message_delta":
          // output_tokens here is cumulative for the message, so it replaces the earlier count.
          yield { type: "usage", usage: { outputTokens: event.usage.output_tokens } };
          if (event.delta.stop_reason) yield { type: "finish", finishReason: event.delta.stop_reason };
          break;
        default:
          break;
      }
    }
  }

  toLLMError(error: unknown): LLMError {
    return fromSDKError(error, this.#module ?? noSDKErrorClasses, "Anthropic", this.#url);
  }
}

/** Anthropic's Messages API. Options first, then `ANTHROPIC_API_KEY` / `ANTHROPIC_BASE_URL`. */
export function createAnthropic(options: HTTPProviderOptions = {}): LanguageModel {
  const env = environmentOf(options.env);
  const apiKey = options.apiKey ?? readVariable(env, "ANTHROPIC_API_KEY");
  if (apiKey === undefined) throw missingKeyError("Anthropic", "ANTHROPIC_API_KEY");
  return new BackedLanguageModel(
    new AnthropicBackend({
      model: options.model ?? defaultModels.anthropic,
      apiKey,
      baseURL: options.baseURL ?? readVariable(env, "ANTHROPIC_BASE_URL") ?? anthropicBaseURL,
      ...transportSettings(options),
    }),
  );
}

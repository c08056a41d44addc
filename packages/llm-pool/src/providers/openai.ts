import type { OpenAI } from "openai";
import type { ChatCompletionCreateParamsBase, ChatCompletionMessageParam } from "openai/resources/chat/completions";
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

const openAIBaseURL = "https://api.openai.com/v1";

/** Settings for any OpenAI-compatible endpoint, resolved once when the model is created. */
export interface OpenAICompatibleSettings {
  provider: string;
  label: string;
  model: string;
  apiKey: string;
  baseURL: string;
  timeoutMs: number;
  maxRetries: number;
}

interface OpenAIModule extends SDKErrorClasses {
  OpenAI: typeof OpenAI;
}

function loadOpenAI(): Promise<OpenAIModule> {
  // Imported on first use only: loading the SDK costs tens of milliseconds that offline users never pay.
  return import("openai").catch((error: unknown) => {
    throw new LLMConfigurationError({
      message: 'The "openai" package could not be loaded; install it with `npm install openai`.',
      cause: error,
    });
  }) as Promise<OpenAIModule>;
}

function messagesFor(call: ProviderCall): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  if (call.system !== undefined) messages.push({ role: "system", content: call.system });
  for (const message of call.messages) messages.push({ role: message.role, content: message.content });
  return messages;
}

class OpenAICompatibleBackend implements ProviderBackend {
  readonly provider: string;
  readonly modelId: ModelId;
  readonly #settings: OpenAICompatibleSettings;
  #module: OpenAIModule | undefined;
  #client: Promise<OpenAI> | undefined;

  constructor(settings: OpenAICompatibleSettings) {
    this.#settings = settings;
    this.provider = settings.provider;
    this.modelId = formatModelId(settings.provider, settings.model);
  }

  get #url(): string {
    return `${this.#settings.baseURL.replace(/\/+$/, "")}/chat/completions`;
  }

  #getClient(): Promise<OpenAI> {
    this.#client ??= loadOpenAI().then((module) => {
      this.#module = module;
      return new module.OpenAI({
        apiKey: this.#settings.apiKey,
        baseURL: this.#settings.baseURL,
        timeout: this.#settings.timeoutMs,
        maxRetries: this.#settings.maxRetries,
        // Explicit, so the SDK does not read these from process.env behind the `env` option's back.
        organization: null,
        project: null,
      });
    });
    this.#client.catch(() => {
      this.#client = undefined;
    });
    return this.#client;
  }

  #body(call: ProviderCall): ChatCompletionCreateParamsBase {
    const body: ChatCompletionCreateParamsBase = { model: this.#settings.model, messages: messagesFor(call) };
    if (call.temperature !== undefined) body.temperature = call.temperature;
    if (call.maxTokens !== undefined) {
      // api.openai.com's newer models reject max_tokens; compatible servers (Ollama, vLLM, llama.cpp) only know max_tokens.
      if (this.#settings.baseURL === openAIBaseURL) body.max_completion_tokens = call.maxTokens;
      else body.max_tokens = call.maxTokens;
    }
    if (call.json) {
      // json_schema needs an object at the root; otherwise plain JSON mode plus the schema in the instructions.
      body.response_format =
        call.jsonSchema !== undefined && call.jsonSchema.type === "object"
          ? { type: "json_schema", json_schema: { name: "response", schema: call.jsonSchema, strict: false } }
          : { type: "json_object" };
    }
    return body;
  }

  async generateText(call: ProviderCall): Promise<ProviderAnswer> {
    const client = await this.#getClient();
    const completion = await client.chat.completions.create(
      { ...this.#body(call), stream: false },
      { signal: call.signal ?? null },
    );
    const choice = completion.choices[0];
    return {
      text: choice?.message?.content ?? "",
      finishReason: choice?.finish_reason ?? "unknown",
      usage: {
        inputTokens: completion.usage?.prompt_tokens ?? 0,
        outputTokens: completion.usage?.completion_tokens ?? 0,
      },
    };
  }

  async *streamText(call: ProviderCall): AsyncGenerator<ProviderStreamEvent> {
    const client = await this.#getClient();
    const stream = await client.chat.completions.create(
      { ...this.#body(call), stream: true, stream_options: { include_usage: true } },
      { signal: call.signal ?? null },
    );
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      const content = choice?.delta?.content;
      if (content) yield { type: "text-delta", text: content };
      if (choice?.finish_reason) yield { type: "finish", finishReason: choice.finish_reason };
      if (chunk.usage) {
        yield {
          type: "usage",
          usage: { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens },
        };
      }
    }
  }

  toLLMError(error: unknown): LLMError {
    return fromSDKError(error, this.#module ?? noSDKErrorClasses, this.#settings.label, this.#url);
  }
}

export function createOpenAICompatible(settings: OpenAICompatibleSettings): LanguageModel {
  return new BackedLanguageModel(new OpenAICompatibleBackend(settings));
}

/**
 * OpenAI, or any OpenAI-compatible server through `baseURL` (vLLM, llama.cpp
 * server, LM Studio). Options first, then `OPENAI_API_KEY` / `OPENAI_BASE_URL`.
 * A key is required for api.openai.com only: local servers usually need none.
 */
export function createOpenAI(options: HTTPProviderOptions = {}): LanguageModel {
  const env = environmentOf(options.env);
  const baseURL = options.baseURL ?? readVariable(env, "OPENAI_BASE_URL") ?? openAIBaseURL;
  const apiKey = options.apiKey ?? readVariable(env, "OPENAI_API_KEY");
  if (apiKey === undefined && baseURL === openAIBaseURL) throw missingKeyError("OpenAI", "OPENAI_API_KEY");
  return createOpenAICompatible({
    provider: "openai",
    label: "OpenAI",
    model: options.model ?? defaultModels.openai,
    // The SDK refuses to start without a key; compatible servers ignore this one.
    apiKey: apiKey ?? "no-key-needed",
    baseURL,
    ...transportSettings(options),
  });
}

/** Normalises `OLLAMA_HOST`, which Ollama itself accepts without a scheme (`0.0.0.0:11434`). */
function ollamaBaseURL(host: string): string {
  const withScheme = /^https?:\/\//i.test(host) ? host : `http://${host}`;
  return `${withScheme.replace(/\/+$/, "")}/v1`;
}

/** Ollama through its OpenAI-compatible endpoint `${OLLAMA_HOST}/v1`; no key needed. */
export function createOllama(options: HTTPProviderOptions = {}): LanguageModel {
  const env = environmentOf(options.env);
  const baseURL = options.baseURL ?? ollamaBaseURL(readVariable(env, "OLLAMA_HOST") ?? "http://127.0.0.1:11434");
  return createOpenAICompatible({
    provider: "ollama",
    label: "Ollama",
    model: options.model ?? defaultModels.ollama,
    apiKey: options.apiKey ?? "ollama",
    baseURL,
    ...transportSettings(options),
  });
}
